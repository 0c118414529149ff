package org.solidaritypost.prisoners.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.prisoners.registry.Address;
import org.solidaritypost.prisoners.registry.Name;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.Registry;
import org.solidaritypost.prisoners.registry.Status;
import org.solidaritypost.web.InvalidInput;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the prisoner of the seed campaign page and clearly marked, fictional demo
 * prisoners, through the same registry path as an admin would, so that their events reach
 * the other services. Only with the {@code demo} profile, and only what is not there yet.
 */
@Component
@Profile("demo")
class DemoPrisoners implements ApplicationRunner {

	static final int DEMO_PRISONERS = 36;

	private static final Logger log = LoggerFactory.getLogger(DemoPrisoners.class);

	private final Registry registry;

	DemoPrisoners(Registry registry) {
		this.registry = registry;
	}

	@Override
	public void run(ApplicationArguments args) {
		int loaded = 0;
		for (PrisonerForm prisoner : prisoners()) {
			if (!this.registry.knows(prisoner.externalRef())) {
				try {
					this.registry.register(prisoner, "demo-data");
					loaded++;
				}
				catch (InvalidInput | DataIntegrityViolationException ex) {
					// another instance of the registry, starting at the same time, loaded
					// it
					// first: its external reference is taken
					log.debug("Demo prisoner {} registered meanwhile by another instance", prisoner.externalRef());
				}
			}
		}
		log.info("Demo data: {} prisoners loaded, {} were there already", loaded, prisoners().size() - loaded);
	}

	static List<PrisonerForm> prisoners() {
		List<PrisonerForm> prisoners = new ArrayList<>();
		prisoners.add(seedPagePrisoner());
		for (int i = 1; i <= DEMO_PRISONERS; i++) {
			prisoners.add(demoPrisoner(i));
		}
		return prisoners;
	}

	/** The one real prisoner, exactly as the seed campaign page gives her. */
	private static PrisonerForm seedPagePrisoner() {
		return new PrisonerForm("seed-page-malashevich", new Name("Safiya Malashevich", "София Малашевич", null), Map
			.of("en",
					"Safiya Malashevich was initially detained on September 6 during the March of Unity, after she "
							+ "spray-painted several drawings and slogans on the metal shields installed on "
							+ "riot-control vehicles. She was called a suspect under Part 1 of Art. 342 (organization "
							+ "or participation in group actions that gravely breach public order) and Part 2 of "
							+ "Art. 339 of the Criminal Code (hooliganism committed by a group of persons). Safiya "
							+ "was released on bail, but re-arrested on November 30."),
				null, LocalDate.of(2020, 11, 30), List.of("Art. 342 Part 1", "Art. 339 Part 2"), Status.DETAINED, null,
				null, new Address("София Малашевич", "ул. Советская, 22А", "222163", "г. Жодино", "Belarus", null),
				List.of("ru", "be"));
	}

	/** Fictional: the name says "demo", the address says "do not post". */
	private static PrisonerForm demoPrisoner(int number) {
		return new PrisonerForm("demo-" + number,
				new Name("Demo prisoner " + number, "Демо заключённый " + number, null),
				Map.of("en", "Demo data: a fictional prisoner to show how the campaign hands out prisoners fairly.",
						"de", "Demodaten: eine erfundene Person, an der man sieht, wie die Kampagne gerecht verteilt."),
				null, LocalDate.of(2021, 1, 1).plusDays(number), List.of(), Status.DETAINED, null, null,
				new Address("Демо Заключённый " + number, "ул. Примерная, " + number, String.format("%06d", number),
						"г. Демоград", "Belarus", "ДЕМО-ДАННЫЕ: НЕ ОТПРАВЛЯТЬ"),
				List.of("ru", "be"));
	}

}
