package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.suyuan.ledger.RecordHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The inclusion-proof vectors of transparency-dev/merkle ({@code testdata/inclusion}), which the Go reference
 * verifier passes: happy paths must verify, every mutation (index, size, root, leaf, path) must not.
 */
class InclusionProofVectorsTests {

    private static final Path VECTORS = TestVectors.path("merkle/inclusion");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> eachPublishedVectorVerifiesExactlyWhenItShould() throws IOException {
        return vectorFiles().stream()
                .map(file -> DynamicTest.dynamicTest(VECTORS.relativize(file).toString(), () -> {
                    JsonNode vector = JSON.readTree(file.toFile());
                    boolean wantError = vector.get("wantErr").asBoolean();

                    assertThat(verifies(vector)).isEqualTo(!wantError);
                }));
    }

    @Test
    void allCopiedVectorsAreRead() throws IOException {
        List<Path> files = vectorFiles();
        long happy = files.stream()
                .filter(file -> file.getFileName().toString().startsWith("happy-path")
                        || file.getFileName().toString().startsWith("matching-root"))
                .count();

        assertThat(files).hasSize(110);
        assertThat(happy).isEqualTo(6);
    }

    @Test
    void indexOfTwoToTheSixtyFourMinusOneIsOutOfRangeNotWrappedToMinusOne() {
        RecordHash leaf = new RecordHash("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        InclusionProof proof = new InclusionProof(-1L, 1, List.of());

        assertThat(proof.verifiesLeafHash(leaf, leaf)).isFalse();
        assertThat(new InclusionProof(0, 1, List.of()).verifiesLeafHash(leaf, leaf))
                .isTrue();
        assertThat(new InclusionProof(0, -1L, List.of()).verifiesLeafHash(leaf, leaf))
                .isFalse();
    }

    /**
     * Verifies a vector; hashes that are not 32 bytes (garbage, empty roots) cannot even form a proof, which
     * counts as failing verification.
     */
    private static boolean verifies(JsonNode vector) {
        JsonNode index = vector.has("leafIdx") ? vector.get("leafIdx") : vector.get("leafIndex");
        // uint64 in the vectors: keep the low 64 bits, which the proof treats as unsigned
        long leafIndex = index.bigIntegerValue().longValue();
        long treeSize = vector.get("treeSize").bigIntegerValue().longValue();
        try {
            RecordHash root = hash(vector.get("root").asString());
            RecordHash leafHash = hash(vector.get("leafHash").asString());
            List<RecordHash> path = new ArrayList<>();
            JsonNode proof = vector.get("proof");
            if (proof != null && !proof.isNull()) {
                for (JsonNode element : proof) {
                    path.add(hash(element.asString()));
                }
            }
            return new InclusionProof(leafIndex, treeSize, path).verifiesLeafHash(leafHash, root);
        } catch (IllegalArgumentException notAHash) {
            return false;
        }
    }

    private static RecordHash hash(String base64) {
        return RecordHash.of(Base64.getDecoder().decode(base64));
    }

    private static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
