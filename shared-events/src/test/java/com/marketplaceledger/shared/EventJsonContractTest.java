package com.marketplaceledger.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.ContractSamples.Sample;
import com.marketplaceledger.shared.sale.SaleRecorded;
import com.marketplaceledger.shared.oversight.OversightEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.marketplaceledger.shared.ContractSamples.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the stored JSON form of every event: the event table holds these payloads for ever, and
 * every reader (projections, exports, the auditor's replay) depends on them. Changing an event's
 * JSON means a new revision and an upcaster, never an edit of a file under {@code contract/}.
 */
class EventJsonContractTest {

    private static final String CONTRACT_DIR = "/contract/";
    private static final String PAYLOAD_TYPES_FILE = "payload-types.txt";

    /** Built exactly as production builds it. */
    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(LedgerJson.objectMapper()).build();

    /** A neutral reader for comparing JSON trees, independent of the production configuration. */
    private static final ObjectMapper TREES = new ObjectMapper();

    static final List<Sample> SAMPLES = ALL;
    static final List<ContractSamples.Earlier> EARLIER = ContractSamples.EARLIER;

    @Test
    void everyEventClassInThePublishedLanguageHasAContractSample() {
        Set<Class<?>> discovered = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.marketplaceledger.shared")
                .stream()
                .filter(c -> c.isAnnotatedWith(org.axonframework.serialization.Revision.class))
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());
        Set<Class<?>> sampled = SAMPLES.stream()
                .map(s -> s.event().getClass())
                .collect(Collectors.toSet());
        Set<Class<?>> withPrimarySample = SAMPLES.stream()
                .filter(s -> s.file().equals(s.event().getClass().getSimpleName() + ".v" + s.revision() + ".json"))
                .map(s -> s.event().getClass())
                .collect(Collectors.toSet());

        assertThat(discovered).as("event classes found by scanning").hasSizeGreaterThanOrEqualTo(12);
        assertThat(sampled).as("event classes with a sample").containsExactlyInAnyOrderElementsOf(discovered);
        assertThat(withPrimarySample).as("event classes with a <SimpleName>.v<revision>.json sample")
                .containsExactlyInAnyOrderElementsOf(discovered);
        assertThat(discovered).allSatisfy(type -> {
            assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
            assertThat(LedgerEvent.class.isAssignableFrom(type) || OversightEvent.class.isAssignableFrom(type))
                    .as("%s is a LedgerEvent or an OversightEvent", type.getName()).isTrue();
        });
    }

    @Test
    void everyContractFileBelongsToASampleAndEverySampleHasOne() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource(CONTRACT_DIR)).toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(PAYLOAD_TYPES_FILE))
                    .toList();
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(Stream.concat(SAMPLES.stream().map(Sample::file),
                EARLIER.stream().map(ContractSamples.Earlier::file)).toList());
    }

    /**
     * A payload stored by an earlier revision stays pinned beside today's: it is what the
     * upcasters must go on reading, so it names its type and revision, older than the current one.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("EARLIER")
    void earlierRevisionsKeepTheirStoredJsonBesideTheCurrentOne(ContractSamples.Earlier earlier) throws IOException {
        int current = Integer.parseInt(ContractSamples.revisionOf(earlier.type()));

        assertThat(Integer.parseInt(earlier.revision())).isLessThan(current);
        assertThat(earlier.file()).isEqualTo(earlier.type().getSimpleName() + ".v" + earlier.revision() + ".json");
        assertThat(TREES.readTree(contractBytes(earlier.file())).isObject()).isTrue();
        assertThat(SAMPLES).as("today's revision is pinned too")
                .anyMatch(s -> s.event().getClass() == earlier.type() && s.revision().equals(String.valueOf(current)));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void serializesToTheStoredJson(Sample sample) throws IOException {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(sample.event(), byte[].class);

        assertThat(TREES.readTree(serialized.getData())).isEqualTo(TREES.readTree(contractBytes(sample.file())));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void deserializesTheStoredJsonToTheSample(Sample sample) {
        Object read = SERIALIZER.deserialize(storedPayload(sample.event().getClass(), contractBytes(sample.file())));

        assertThat(read).isInstanceOf(sample.event().getClass()).isEqualTo(sample.event());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void serializedTypeIsTheClassNameWithItsRevision(Sample sample) {
        SerializedType type = SERIALIZER.serialize(sample.event(), byte[].class).getType();

        assertThat(type.getName()).isEqualTo(sample.event().getClass().getName());
        assertThat(type.getRevision()).isEqualTo(sample.revision()).isNotBlank();
        assertThat(SERIALIZER.typeForClass(sample.event().getClass())).isEqualTo(type);
    }

    /**
     * The payload type names and revisions are part of the contract too: the event table stores
     * them beside each payload, so moving or renaming an event class orphans its stored events.
     */
    @Test
    void payloadTypeNamesAndRevisionsArePinned() {
        Set<String> pinned = new String(contractBytes(PAYLOAD_TYPES_FILE), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        Set<String> actual = SAMPLES.stream()
                .map(s -> SERIALIZER.typeForClass(s.event().getClass()))
                .map(t -> t.getName() + " " + t.getRevision())
                .collect(Collectors.toSet());

        assertThat(actual).containsExactlyInAnyOrderElementsOf(pinned);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void storedJsonHasIntegerMoneyIsoTimesAndPlainStringIds(Sample sample) throws IOException {
        JsonNode stored = TREES.readTree(contractBytes(sample.file()));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        collectFields(stored, fields);

        List<JsonNode> money = fields.stream().map(Map.Entry::getValue)
                .filter(v -> v.isObject() && v.has("minorUnits")).toList();
        assertThat(money).allSatisfy(m -> {
            assertThat(m.get("minorUnits").isIntegralNumber()).as("minorUnits is a JSON integer: %s", m).isTrue();
            assertThat(m.get("currency").textValue()).as("currency of %s", m).matches("[A-Z]{3}");
        });
        assertThat(fields).filteredOn(f -> f.getKey().endsWith("At")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getValue().isTextual()).as("%s is a string", f.getKey()).isTrue();
            assertThat(Instant.parse(f.getValue().textValue())).isNotNull();
        });
        var ids = assertThat(fields).filteredOn(f -> f.getKey().endsWith("Id"));
        if (sample.event() instanceof LedgerEvent) {
            ids.isNotEmpty(); // every ledger event names its merchant at least
        }
        ids.allSatisfy(f ->
                assertThat(f.getValue().isTextual() || f.getValue().isNull())
                        .as("%s is a plain string or null", f.getKey()).isTrue());
    }

    @Test
    void rootEnrolmentStoresItsAbsentSponsorAndFeeAsExplicitNulls() throws IOException {
        JsonNode stored = TREES.readTree(contractBytes("DistributorEnrolled.v1.json"));

        assertThat(stored.path("sponsorId").isNull()).as("sponsorId is an explicit null").isTrue();
        assertThat(stored.path("joiningFeePaid").isNull()).as("joiningFeePaid is an explicit null").isTrue();
        assertThat(stored.path("planVersion").isNull()).as("planVersion is an explicit null").isTrue();
        assertThat(stored.path("upline").isArray()).as("upline is an array").isTrue();
        assertThat(stored.path("upline")).isEmpty();
    }

    @Test
    void toleratesFieldsItDoesNotKnow() throws IOException {
        ObjectNode payload = (ObjectNode) TREES.readTree(contractBytes("SaleRecorded.v1.json"));
        payload.put("channel", "douyin-live");
        ((ObjectNode) payload.get("amount")).put("taxIncluded", true);
        ((ObjectNode) payload.get("buyer")).putObject("address").put("city", "杭州");

        Object read = SERIALIZER.deserialize(storedPayload(SaleRecorded.class, TREES.writeValueAsBytes(payload)));

        assertThat(read).isEqualTo(sampleOf("SaleRecorded.v1.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.5", "33600.0", "3.36e4"})
    void refusesAFractionalAmountRatherThanTruncatingIt(String minorUnits) throws IOException {
        String payload = new String(contractBytes("SaleRecorded.v1.json"), StandardCharsets.UTF_8)
                .replace("\"minorUnits\": 33600", "\"minorUnits\": " + minorUnits);
        assertThat(payload).contains("\"minorUnits\": " + minorUnits);

        assertThatThrownBy(() -> SERIALIZER.deserialize(
                storedPayload(SaleRecorded.class, payload.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SerializationException.class)
                .rootCause()
                .hasMessageContaining("Floating-point value")
                .hasMessageContaining("long");
    }

    private static SimpleSerializedObject<byte[]> storedPayload(Class<?> eventClass, byte[] json) {
        return new SimpleSerializedObject<>(json, byte[].class, eventClass.getName(),
                ContractSamples.revisionOf(eventClass));
    }

    private static Object sampleOf(String file) {
        return SAMPLES.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow().event();
    }

    private static byte[] contractBytes(String file) {
        try (InputStream in = EventJsonContractTest.class.getResourceAsStream(CONTRACT_DIR + file)) {
            assertThat(in).as("contract file %s", file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectFields(JsonNode node, List<Map.Entry<String, JsonNode>> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                into.add(field);
                collectFields(field.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectFields(element, into));
        }
    }
}
