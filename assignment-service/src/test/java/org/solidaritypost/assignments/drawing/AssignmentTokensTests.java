package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment ids across a rotation of the signing key.
 */
class AssignmentTokensTests {

	static final String OLD_KEY = "old-key-of-the-campaign-0123456789abcdef";

	static final String NEW_KEY = "new-key-of-the-campaign-0123456789abcdef";

	@Test
	void readsAnIdSignedBeforeARotationWhileTheOldKeyIsKept() {
		AssignmentTokens before = new AssignmentTokens(new TokenSettings(OLD_KEY, List.of()));
		AssignmentToken token = token(before, "visitor-a", "0a1b2c3d");
		String id = before.sign(token);

		AssignmentTokens after = new AssignmentTokens(new TokenSettings(NEW_KEY, List.of(OLD_KEY)));

		assertThat(after.readOwn(id, "visitor-a")).as("signed by the previous key").contains(token);
		assertThat(after.readOwn(id, "visitor-b")).as("someone else's").isEmpty();
		assertThat(after.readOwn(after.sign(token(after, "visitor-a", null)), "visitor-a"))
			.as("signed by the new key, without an address")
			.isPresent();
	}

	@Test
	void refusesAnIdOnceItsKeyIsNoLongerKept() {
		AssignmentTokens before = new AssignmentTokens(new TokenSettings(OLD_KEY, List.of()));
		String id = before.sign(token(before, "visitor-a", "0a1b2c3d"));

		assertThat(new AssignmentTokens(new TokenSettings(NEW_KEY, List.of())).readOwn(id, "visitor-a")).isEmpty();
	}

	@Test
	void refusesAnAlteredId() {
		AssignmentTokens tokens = new AssignmentTokens(new TokenSettings(NEW_KEY, List.of(OLD_KEY)));
		byte[] bytes = Base64.getUrlDecoder().decode(tokens.sign(token(tokens, "visitor-a", "0a1b2c3d")));
		bytes[20] ^= 1;

		assertThat(tokens.readOwn(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "visitor-a"))
			.isEmpty();
		assertThat(tokens.readOwn("not-an-id", "visitor-a")).isEmpty();
		assertThat(tokens.readOwn("", "visitor-a")).isEmpty();
	}

	private static AssignmentToken token(AssignmentTokens tokens, String visitor, String address) {
		Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return new AssignmentToken(UUID.randomUUID(), UUID.randomUUID(), issued, issued.plus(Duration.ofDays(30)),
				tokens.visitorTag(visitor), address);
	}

}
