package org.solidaritypost.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The campaign page in a real browser (headless Chromium) against the whole system with
 * its demo data, as a visitor uses it; and the admins' documentation page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignPageIT {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

	static LocalSystem system;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeAll
	static void startTheSystem() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		system = LocalSystem.start(LocalSettings.of(LocalSettings.freePort(), Path.of("target", "campaign-page-logs"),
				"page-" + UUID.randomUUID(), true));
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@BeforeEach
	void openABrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// as root in a sandbox without network: no sandbox, no background traffic
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=en-US", "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	@Order(1)
	void showsAPrisonerWithTheAddressExactlyAsThePostNeedsIt() throws IOException {
		open();
		String address = visibleText("address");
		assertThat(address.lines().toList()).hasSizeGreaterThanOrEqualTo(4).last().isEqualTo("BELARUS");
		assertThat(this.browser.findElement(By.id("name-latin")).getText()).isNotBlank();
		assertThat(this.browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(this.browser.findElement(By.id("rules")).getText()).contains("exactly as shown");
		assertThat(this.browser.findElement(By.id("templates")).getText()).contains("Я пишу вам");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("postage-rates"), "0.95"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hashtag"), "#WeStandBYyou"));

		click("copy-address");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-address"), "Copied"));
		click("share-campaign");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-campaign"), "Copied"));

		screenshot("page-desktop.png");
		this.browser.manage().window().setSize(new Dimension(390, 1600));
		screenshot("page-phone.png");
	}

	@Test
	@Order(2)
	void givesAnotherPrisonerOnRequest() {
		open();
		String first = visibleText("name-latin");
		click("another");
		this.wait.until((browser) -> !first.equals(browser.findElement(By.id("name-latin")).getText()));
	}

	@Test
	@Order(3)
	void switchesToGermanAndRussian() {
		open();
		new Select(this.browser.findElement(By.id("language"))).selectByValue("de");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("another"), "Andere Person"));
		assertThat(this.browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("templates"), "Ich schreibe Ihnen"));
		new Select(this.browser.findElement(By.id("language"))).selectByValue("ru");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("another"), "Другой человек"));
	}

	@Test
	@Order(4)
	void countsASentCardOnceAndSaysSo() {
		open();
		this.wait.until((browser) -> !browser.findElement(By.id("count-cards")).getText().equals("–"));
		long before = Long.parseLong(this.browser.findElement(By.id("count-cards")).getText().replaceAll("\\D", ""));
		this.browser.findElement(By.cssSelector("button.report[data-item='POSTCARD']")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-result"), "Thank you"));
		this.wait.until((browser) -> Long
			.parseLong(browser.findElement(By.id("count-cards")).getText().replaceAll("\\D", "")) == before + 1);
		this.browser.findElement(By.cssSelector("button.report[data-item='POSTCARD']")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-result"), "Already counted"));
	}

	@Test
	@Order(4)
	void reportsTheCardForThePrisonerItWasWrittenToAfterAReload() throws IOException {
		open();
		String earlier = visibleText("name-latin");
		open();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-cards")));
		WebElement card = this.wait.until((browser) -> browser.findElements(By.cssSelector("#my-cards-list > li"))
			.stream()
			.filter((item) -> item.getText().contains(earlier))
			.findFirst()
			.orElse(null));
		assertThat(card.findElement(By.cssSelector(".address")).getText().lines().toList()).last().isEqualTo("BELARUS");
		screenshot("page-cards-you-are-writing.png");

		card.findElement(By.cssSelector("button.report")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-cards-list"), "Thank you"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-cards-list"), "Sent, thank you"));
		assertThat(this.browser.findElement(By.id("report-result")).getText())
			.as("the prisoner shown now got no report")
			.isEmpty();
		open();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-cards-list"), "Sent, thank you"));
	}

	@Test
	@Order(5)
	void loadsUnder200KilobytesAndNothingFromElsewhere() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long total = 0;
		for (String path : new String[] { "/", "/app.js", "/app.css" }) {
			HttpResponse<byte[]> response = http.send(
					HttpRequest.newBuilder(system.gateway().resolve(path)).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			total += response.headers().firstValue("Content-Encoding").isPresent() ? response.body().length
					: gzipped(response.body());
			assertThat(new String(response.body())).doesNotContain("http://", "https://");
		}
		assertThat(total).as("bytes for the first load, compressed").isLessThan(200 * 1024);
	}

	@Test
	@Order(6)
	void showsAnAdminWhoLogsInTheApiOfEveryService() {
		// the browser sends the admin's login with every request, as it does once the
		// admin has answered its login prompt for the realm
		String login = Base64.getEncoder()
			.encodeToString(("admin:" + system.adminPassword()).getBytes(StandardCharsets.UTF_8));
		ChromeDriver chromium = (ChromeDriver) this.browser;
		chromium.executeCdpCommand("Network.enable", Map.of());
		chromium.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("Authorization", "Basic " + login)));
		this.browser.get(system.gateway() + "/docs");
		Map<String, String> anOperationOfEach = Map.of("prisoner-service", "/api/admin/prisoners", "assignment-service",
				"/api/assignments", "content-service", "/api/content/bundle");
		anOperationOfEach.forEach((service, path) -> {
			new Select(this.wait.until(ExpectedConditions.elementToBeClickable(By.id("select"))))
				.selectByVisibleText(service);
			this.wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector(".opblock-summary-path[data-path='" + path + "']")));
		});
	}

	@Test
	@Order(7)
	void saysKindlyWhenNoPrisonerCanBeAssignedAndStillShowsTheRules() {
		system.stop("assignment-service");
		open();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prisoner-unavailable")));
		assertThat(this.browser.findElement(By.id("prisoner-unavailable")).getText()).contains("try again");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "exactly as shown"));
		assertThat(this.browser.findElement(By.id("templates")).getText()).contains("Я пишу вам");
	}

	private void open() {
		this.browser.get(URI.create(system.gateway() + "/").toString());
		this.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("address")),
				ExpectedConditions.visibilityOfElementLocated(By.id("prisoner-unavailable"))));
	}

	private String visibleText(String id) {
		WebElement element = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
		return element.getText();
	}

	private void click(String id) {
		this.browser.findElement(By.id(id)).click();
	}

	/**
	 * Only when asked ({@code -Dsolidarity-post.screenshots=true}): the committed ones
	 * are refreshed on purpose, not by every run.
	 */
	private void screenshot(String name) throws IOException {
		if (!Boolean.getBoolean("solidarity-post.screenshots")) {
			return;
		}
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((org.openqa.selenium.TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name), png);
	}

	private static long gzipped(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		return out.size();
	}

}
