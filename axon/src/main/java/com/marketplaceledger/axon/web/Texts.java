package com.marketplaceledger.axon.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The texts a regulator reads, in the language of the request: templates of the message bundles
 * ({@code i18n/messages} and {@code i18n/supervision}: English, {@code _zh_CN} Chinese) rendered by ICU's
 * MessageFormat with named arguments, so a template counts its own nouns
 * ({@code {n, plural, one {# payment} other {# payments}}}) and writes dates its language's way
 * ({@code {month, date, ::yMMMM}}: 2026年3月).
 *
 * <p>Arguments come as plain strings (events and read models hold figures, not sentences); one
 * a template formats as a number or a date is read as one first: digits as a decimal, an ISO date
 * or month (2026-03) as that day, or that month's first day, in UTC. Every other argument is
 * written as given, so an identifier of digits never turns into a grouped number.
 */
public class Texts {

    /** The query side's own texts (problems) and supervision's (rules, reasons, measurements). */
    static final String[] BUNDLES = {"i18n/messages", "i18n/supervision"};

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The bundles as the query side reads them: UTF-8, English when a language has no text, never the JVM's locale. */
    public static MessageSource bundles() {
        var bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(BUNDLES);
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    /** The text in the language of the request being answered (English outside a request). */
    public String text(String code, Map<String, ?> arguments) {
        return text(code, arguments, Languages.of(LocaleContextHolder.getLocale()));
    }

    public String text(String code) {
        return text(code, Map.of());
    }

    /** The text, or null where the bundles have none (a code stored long ago that no rule gives any more). */
    public String textOrNull(String code) {
        return textOrNull(code, Map.of());
    }

    public String textOrNull(String code, Map<String, ?> arguments) {
        try {
            return text(code, arguments);
        } catch (NoSuchMessageException unknown) {
            return null;
        }
    }

    /** Items as a sentence lists them in the language of the request: "A, B and C"; "A、B和C". */
    public String list(Collection<String> items) {
        return ListFormatter.getInstance(ULocale.forLocale(Languages.of(LocaleContextHolder.getLocale()))).format(items);
    }

    public String text(String code, Map<String, ?> arguments, Locale language) {
        // without arguments Spring hands the template over as written, for ICU to format
        String template = messages.getMessage(code, null, language);
        MessageFormat format = new MessageFormat(template, ULocale.forLocale(language));
        var typed = new HashMap<String, Object>();
        Set<String> numbers = new HashSet<>();
        Set<String> dates = new HashSet<>();
        argumentTypes(template, numbers, dates);
        arguments.forEach((name, value) -> typed.put(name, value instanceof String figure
                ? numbers.contains(name) ? new BigDecimal(figure) : dates.contains(name) ? date(figure) : figure
                : value));
        for (String name : dates) {
            if (format.getFormatByArgumentName(name) instanceof DateFormat date) {
                date.setTimeZone(TimeZone.GMT_ZONE);
            }
        }
        return format.format(typed);
    }

    private static void argumentTypes(String template, Set<String> numbers, Set<String> dates) {
        var pattern = new MessagePattern(template);
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = pattern.getSubstring(pattern.getPart(i + 1));
            switch (part.getArgType()) {
                case PLURAL, SELECTORDINAL, CHOICE -> numbers.add(name);
                case SIMPLE -> {
                    String type = pattern.getSubstring(pattern.getPart(i + 2));
                    if (type.equals("date") || type.equals("time")) {
                        dates.add(name);
                    } else {
                        numbers.add(name);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static Date date(String figure) {
        LocalDate day = figure.length() == 7 ? YearMonth.parse(figure).atDay(1) : LocalDate.parse(figure);
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
