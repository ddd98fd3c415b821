package org.suyuan.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.suyuan.code.CodeFixtures.block;
import static org.suyuan.code.CodeFixtures.replaying;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.suyuan.qr.TraceCode;
import org.suyuan.qr.TraceCodeGenerator;

class CodeMintTests {

    @Test
    void mintsAgainWhenAFreshCodeIsAlreadyTaken() {
        TraceCode taken = new TraceCodeGenerator(replaying(block(1))).next();
        CodeMint mint = new CodeMint(new TraceCodeGenerator(replaying(block(1), block(2), block(3))));

        List<TraceCode> minted = mint.mint(2, candidates -> taken(candidates, Set.of(taken.value())));

        assertThat(minted).hasSize(2).doesNotContain(taken).doesNotHaveDuplicates();
    }

    @Test
    void neverHandsOutTheSameCodeTwiceInOneBatch() {
        CodeMint mint = new CodeMint(new TraceCodeGenerator(replaying(block(7), block(7), block(8))));

        assertThat(mint.mint(2, candidates -> Set.of())).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void looksCodesUpInChunksADatabaseAccepts() {
        List<Integer> lookups = new ArrayList<>();
        CodeMint mint = new CodeMint(new TraceCodeGenerator());

        List<TraceCode> minted = mint.mint(2_500, candidates -> {
            lookups.add(candidates.size());
            return Set.of();
        });

        assertThat(minted).hasSize(2_500);
        assertThat(new HashSet<>(minted)).hasSize(2_500);
        assertThat(lookups).containsExactly(1_000, 1_000, 500);
    }

    @Test
    void givesUpWhenTheRandomSourceKeepsRepeatingTakenCodes() {
        TraceCode taken = new TraceCodeGenerator(replaying(block(1))).next();
        CodeMint mint = new CodeMint(new TraceCodeGenerator(replaying(block(1))));

        assertThatThrownBy(() -> mint.mintOne(candidates -> taken(candidates, Set.of(taken.value()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("random source");
    }

    private static Set<String> taken(Collection<String> candidates, Set<String> issued) {
        Set<String> found = new HashSet<>(candidates);
        found.retainAll(issued);
        return found;
    }
}
