package com.marketplaceledger.command;

import com.marketplaceledger.command.RuleViolation.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the {@link RuleViolation} an aggregate fixture expects: its kind, rule and field. */
public final class RuleViolationMatcher {

    private RuleViolationMatcher() {
    }

    public static Matcher<Object> violation(Kind kind, String rule, String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v
                        && v.kind() == kind && rule.equals(v.rule()) && field.equals(v.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + kind + " " + rule + " on " + field);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                description.appendText(item instanceof RuleViolation v
                        ? "was " + v.kind() + " " + v.rule() + " on " + v.field() + ": " + v.getMessage()
                        : "was " + item);
            }
        };
    }
}
