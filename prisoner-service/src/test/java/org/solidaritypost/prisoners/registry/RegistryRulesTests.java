package org.solidaritypost.prisoners.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's rules that need no database: how a search is ordered and how an address
 * is written on a card.
 */
class RegistryRulesTests {

	@Test
	void ordersBySortFieldInEitherDirectionAndAlwaysByIdLast() {
		assertThat(query("cardsSent,desc").orderBy())
			.isEqualTo("(p.postcards_sent + p.letters_sent) desc nulls last, p.id");
		assertThat(query("detainedSince").orderBy()).isEqualTo("p.detained_since asc nulls first, p.id");
		assertThat(query("LASTCARDAT,ASC").orderBy()).isEqualTo("p.last_card_at asc nulls first, p.id");
	}

	@Test
	void ordersByNameWhenNoSortIsGiven() {
		assertThat(query("name").orderBy()).isEqualTo("p.name_latin asc nulls first, p.id");
	}

	@Test
	void acceptsOnlyTheSortsItKnows() {
		assertThat("updatedAt,desc").matches(PrisonerQuery.SORTS);
		assertThat("name;drop table prisoner").doesNotMatch(PrisonerQuery.SORTS);
		assertThat("name,sideways").doesNotMatch(PrisonerQuery.SORTS);
	}

	@Test
	void writesTheAddressAsTheCardNeedsItWithTheCountryInCapitals() {
		Address address = new Address("Тестовый Получатель", "ул. Примерная, 1", "000001", "г. Примерск", "Belarus",
				"ДЕМО-ДАННЫЕ: ИК-0");
		assertThat(address.lines()).containsExactly("Тестовый Получатель", "ДЕМО-ДАННЫЕ: ИК-0", "ул. Примерная, 1",
				"000001, г. Примерск", "BELARUS");
	}

	@Test
	void leavesOutAnInstitutionThatIsNotGiven() {
		Address address = new Address("Тестовый Получатель", "ул. Примерная, 1", "000001", "г. Примерск", "Belarus",
				" ");
		assertThat(address.lines()).hasSize(4).doesNotContain(" ");
	}

	private static PrisonerQuery query(String sort) {
		return new PrisonerQuery(null, null, null, false, 0, 20, sort);
	}

}
