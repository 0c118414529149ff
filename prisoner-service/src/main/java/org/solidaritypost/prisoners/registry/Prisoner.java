package org.solidaritypost.prisoners.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A prisoner in the registry: who they are, where they stand, where to write, the cards
 * they received, and the record's version.
 */
record Prisoner(UUID id, Particulars particulars, Standing standing, Address address, CardCount cards,
		Lifecycle lifecycle) {

	/** A new prisoner, as an admin registered them. */
	static Prisoner registered(PrisonerForm form, Standing standing, Instant at) {
		return new Prisoner(UUID.randomUUID(), Particulars.of(form), standing, form.address(), CardCount.NONE,
				Lifecycle.createdAt(at));
	}

	/** The next version, as an admin's edit of the whole record has it. */
	Prisoner edited(PrisonerForm form, Standing newStanding, Instant at) {
		return new Prisoner(this.id, Particulars.of(form), newStanding, form.address(), this.cards,
				this.lifecycle.changedAt(at));
	}

	/** The next version, with a new status. */
	Prisoner withStanding(Standing newStanding, Instant at) {
		return new Prisoner(this.id, this.particulars, newStanding, this.address, this.cards,
				this.lifecycle.changedAt(at));
	}

	/** The next version, at a new address. */
	Prisoner withAddress(Address newAddress, Instant at) {
		return new Prisoner(this.id, this.particulars, this.standing, newAddress, this.cards,
				this.lifecycle.changedAt(at));
	}

	/** The next version, removed from the campaign. */
	Prisoner removedAt(Instant at) {
		return new Prisoner(this.id, this.particulars, this.standing, this.address, this.cards,
				this.lifecycle.removedAt(at));
	}

	long version() {
		return this.lifecycle.version();
	}

	boolean removed() {
		return this.lifecycle.removed();
	}

	boolean openForLetters() {
		return !removed() && this.standing.status().openForLetters();
	}

}
