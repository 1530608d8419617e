// End-to-end tests of the web pages in headless Chromium, as an advisor and a veileder would use
// them, with an axe-core accessibility check of every page. Run by tests/browser.sh (which .ci/run
// calls): it builds the binary, installs Chromium and these packages if missing.
//
// SCREENSHOTS=1 also writes the README's screenshots to tests/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// axe-core is injected as an inline script, which the pages' Content-Security-Policy forbids (as
// it should): the test's browser lets the test's own script through. The pages' own script is
// served from /static and needs no exception; the CSP headers themselves are checked in tests/web.rs.
const AXE_NEEDS_INLINE = true;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = process.env.JOBBMATCH_BIN ?? join(ROOT, "target", "debug", "jobbmatch");
const PORT = 18000 + Math.floor(Math.random() * 1000);
const URL = `http://127.0.0.1:${PORT}`;
const SCREENSHOTS = process.env.SCREENSHOTS === "1" ? join(ROOT, "tests", "screenshots") : null;

const fixtureNeed = (name) => JSON.parse(readFileSync(join(ROOT, "fixtures", "needs", `${name}.json`), "utf8"));

let server;
let work;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "jobbmatch-browser-"));
  // Two years of generated kandidatlister, so the time-to-match page has months to show.
  const lists = join(work, "kandidatlister.jsonl");
  execFileSync(BIN, ["generate", "--kandidatlister", "300", "--per-list", "12", "--out", lists], { stdio: "ignore" });
  server = spawn(BIN, ["serve", "--addr", `127.0.0.1:${PORT}`, "--index", join(work, "index"), "--kandidatlister", lists, "--candidates", join(ROOT, "fixtures", "candidates.jsonl")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  server.stderr.on("data", (chunk) => (log += chunk));
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${URL}/health`)).ok) break;
    } catch (_) {
      // not up yet
    }
    if (attempt > 240) throw new Error(`the server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh browser session (its own cookies) signed in with `token`. */
async function signedIn(token) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nb-NO", bypassCSP: AXE_NEEDS_INLINE });
  const page = await context.newPage();
  await page.goto(`${URL}/logg-inn`);
  await accessible(page, "sign-in");
  await page.getByLabel("Tilgangsnøkkel").fill(token);
  await page.getByRole("button", { name: "Logg inn" }).click();
  return page;
}

/** Fails on any serious or critical axe-core violation (WCAG 2.1 A and AA rules). */
async function accessible(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`),
    [],
    `accessibility violations on the ${name} page`,
  );
  assert.ok(result.passes.length > 10, `axe ran its checks on the ${name} page`);
}

async function screenshot(page, name) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Fills the new-need page from a fixture need's three answers and drafts the criteria. */
async function draftFrom(page, need, top) {
  await page.goto(`${URL}/radgiver/behov`);
  await page.getByLabel("Stillingstittel").fill(need.title);
  await page.getByLabel("Arbeidssted").selectOption(need.municipality);
  await page.getByLabel("Maks reisevei for kandidaten (km)").fill(String(need.max_distance_km));
  await page.getByLabel("Stillingsprosent").fill(String(need.extent_percent ?? 100));
  await page.getByLabel("Antall kandidater å vise").fill(String(top));
  await page.getByLabel("1. Hva må kandidaten kunne eller ha?").fill(need.answers.must_have);
  await page.getByLabel("2. Hva ønsker dere i tillegg? Skriv det viktigste først.").fill(need.answers.wishes);
  await page.getByLabel("3. Hva kan dere tilpasse, eller lære opp i?").fill(need.answers.room_to_adapt);
  await page.getByRole("button", { name: "Lag utkast til kriterier" }).click();
  await page.getByRole("heading", { name: /Kriterier for/ }).waitFor();
}

const qualified = async (page) => Number((await page.locator("#qualified").textContent()).match(/^(\d+)/)[1]);

test("an advisor pastes three answers, gets a shortlist, and relaxing a must-have adds candidates", async () => {
  const page = await signedIn("dev-radgiver");
  assert.match(page.url(), /\/radgiver\/behov$/);
  await page.getByText("Rita Rådgiver (rekrutteringsrådgiver, R2001)").waitFor();
  await accessible(page, "new need");
  await screenshot(page, "1-nytt-behov");

  const need = fixtureNeed("lager");
  await draftFrom(page, need, 10);
  const rows = page.locator("#criteria fieldset.criterion");
  assert.ok((await rows.count()) >= 4, "drafted criteria and empty rows for new ones");
  assert.equal(await page.locator("#c0-value").inputValue(), "truckførerbevis T4");
  assert.ok(await page.locator("#c0-must").isChecked(), "the first answer's requirement is a must-have");
  assert.ok((await page.locator("mark.unrecognised").count()) >= 1, "unrecognised phrases are highlighted");
  await accessible(page, "draft");
  await screenshot(page, "2-utkast");

  // Reorder the wishes with the keyboard-reachable buttons: the second wish becomes the first.
  const secondWish = await page.locator("#c3-value").inputValue();
  await page.locator("#c3-value").locator("xpath=ancestor::fieldset[contains(@class,'criterion')]").getByRole("button", { name: /Flytt opp/ }).click();
  await page.getByRole("status").getByText(/er flyttet opp/).waitFor();
  assert.equal(await page.locator("#criteria fieldset.criterion").nth(2).locator("input[data-value]").inputValue(), secondWish);

  await page.getByRole("button", { name: "Finn kandidater" }).click();
  await page.getByRole("heading", { name: /Kortliste/ }).waitFor();
  const before = await qualified(page);
  assert.ok(before > 0, "someone qualifies");
  assert.ok((await page.locator("ol.shortlist > li").count()) > 0);
  await page.locator("ol.shortlist details").first().locator("summary").click();
  await accessible(page, "shortlist");
  await screenshot(page, "3-kortliste");

  const relax = page.getByRole("button", { name: /^Løsne .*: \+[1-9]\d* kandidater$/ }).first();
  const label = await relax.textContent();
  const extra = Number(label.match(/\+(\d+) kandidater/)[1]);
  await relax.click();
  await page.getByRole("heading", { name: /Kortliste/ }).waitFor();
  assert.equal(await qualified(page), before + extra, `after «${label}»`);
  await page.getByRole("status").getByText(/er nå et ønske/).waitFor();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned som CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  assert.match(csv.split("\r\n")[0], /^rang;kandidat;poeng;kommune/);
  assert.ok(csv.split("\r\n").length > 2, "a row per candidate");
  await page.context().close();
});

test("an advisor saves a need, follows a candidate to presented, closes it, and sees the time to match", async () => {
  const page = await signedIn("dev-radgiver");
  await draftFrom(page, fixtureNeed("lager"), 5);
  await page.getByRole("button", { name: "Finn kandidater" }).click();
  await page.getByRole("heading", { name: /Kortliste/ }).waitFor();
  await page.locator("#save-need summary").click();
  await page.getByLabel("Arbeidsgiver").fill("Lager Sør AS");
  await page.getByLabel("NAV-kontor").fill("NAV Kristiansand");
  await page.getByLabel("STYRK-kode (valgfri)").fill("9333");
  await page.getByRole("button", { name: "Lagre behovet" }).click();
  await page.getByRole("status").getByText(/Behovet er lagret/).waitFor();

  await page.getByRole("button", { name: /^Legg på listen: / }).first().click();
  await page.getByRole("status").getByText(/lagt på listen/).waitFor();
  const row = page.locator("table tbody tr").first();
  await row.locator("select[name=status]").selectOption("kontaktet");
  await row.getByRole("button", { name: "Lagre" }).first().click();
  await page.getByRole("status").getByText(/Status er endret/).waitFor();
  await page.locator("table tbody tr").first().locator("select[name=outcome]").selectOption("presentert");
  await page.locator("table tbody tr").first().getByRole("button", { name: "Lagre" }).nth(1).click();
  await page.getByRole("status").getByText(/Utfallet er endret/).waitFor();
  await accessible(page, "saved need");
  await screenshot(page, "6-kandidatliste");

  await page.getByLabel("Endre status på behovet").selectOption("avsluttet");
  await page.getByRole("button", { name: "Lagre status" }).click();
  await page.getByRole("status").getByText(/Ikke endret: .*reason/).waitFor();
  await page.getByLabel("Begrunnelse (må fylles ut ved avslutning)").fill("Arbeidsgiver ansatte selv");
  await page.getByLabel("Endre status på behovet").selectOption("avsluttet");
  await page.getByRole("button", { name: "Lagre status" }).click();
  await page.getByRole("status").getByText(/ny status/).waitFor();
  assert.equal(await page.locator("#need-state").textContent(), "avsluttet");
  assert.ok(await page.getByText("Ingen fikk jobben").isVisible(), "the presented candidate learns nobody got it");

  await page.getByRole("link", { name: "Mine behov", exact: true }).click();
  await page.getByRole("heading", { name: "Mine behov" }).waitFor();
  await page.getByLabel("Status", { exact: true }).selectOption("avsluttet");
  await page.getByRole("button", { name: "Vis" }).click();
  await page.getByRole("link", { name: fixtureNeed("lager").title }).first().waitFor();
  await accessible(page, "my needs");
  await page.getByRole("link", { name: "Tid til match", exact: true }).first().click();
  await page.getByRole("heading", { name: "Tid til match" }).waitFor();
  assert.ok(await page.locator("svg[role=img] rect").count() >= 1, "a bar per month");
  await accessible(page, "time to match");
  await screenshot(page, "7-tid-til-match");
  await page.context().close();
});

test("a veileder's tag shows in the advisor's next shortlist, with who set it", async () => {
  const need = fixtureNeed("bilverksted");
  // A candidate veileder V1042 follows, on the shortlist, whose interest in cars nobody has recorded.
  const api = (path, body) =>
    fetch(`${URL}${path}`, {
      method: "POST",
      headers: { Authorization: "Bearer dev-radgiver", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const shortlist = await api("/v1/shortlists", { ...need, top: 500 });
  const followed = new Set(
    readFileSync(join(ROOT, "fixtures", "candidates.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.includes('"veileder":"V1042"'))
      .map((line) => JSON.parse(line).id),
  );
  const target = shortlist.candidates.find(
    (entry) => followed.has(entry.id) && !entry.criteria.find((c) => c.kind === "interest").matched,
  );
  assert.ok(target, "a followed candidate without the interest on the list");

  const veileder = await signedIn("dev-veileder");
  assert.match(veileder.url(), /\/veileder\/kandidater$/);
  await veileder.getByRole("heading", { name: "Mine kandidater" }).waitFor();
  assert.ok((await veileder.locator("tbody tr").count()) > 0, "the veileder's candidates are listed");
  await accessible(veileder, "my candidates");
  await screenshot(veileder, "4-mine-kandidater");

  await veileder.goto(`${URL}/kandidat/${target.id}`);
  await veileder.getByLabel("Hva slags").selectOption("interest");
  await veileder.getByLabel("Tagg", { exact: true }).fill("interessert i bil og motor");
  await veileder.getByRole("button", { name: "Legg til tagg" }).click();
  await veileder.getByRole("status").getByText("Taggen er lagt til").waitFor();
  await veileder.getByText("interessert i bil og motor").first().waitFor();
  await accessible(veileder, "candidate");
  await screenshot(veileder, "5-kandidat");

  // The advisor puts the candidate on a kandidatliste; the veileder records the candidate's answer.
  const saved = await api("/v1/needs", { need: { ...need, id: "bil-1" }, employer: "Bilverkstedet AS", kontor: "NAV Test", positions: 1 });
  assert.equal(saved.id, "bil-1");
  const listed = await api("/v1/needs/bil-1/candidates", { candidate: target.id });
  assert.ok(listed.candidates.some((c) => c.candidate === target.id), "on the list");
  await veileder.getByRole("link", { name: "Kandidatlister" }).click();
  await veileder.getByRole("heading", { name: /Kandidatlister mine kandidater/ }).waitFor();
  await veileder.getByLabel(`Svar fra ${target.id} på ${need.title} (Bilverkstedet AS)`).selectOption("ønsker_å_bli_presentert");
  await veileder.getByRole("row", { name: new RegExp(`Bilverkstedet AS`) }).getByRole("button", { name: "Registrer svar" }).click();
  await veileder.getByRole("status").getByText("Svaret er registrert.").waitFor();
  await veileder.locator("span.given-answer", { hasText: "Ønsker å bli presentert" }).first().waitFor();
  await accessible(veileder, "the veileder's kandidatlister");
  await screenshot(veileder, "8-kandidatlister-veileder");

  // The reverse view: the caseload against the open needs, then one candidate's needs and doors.
  await veileder.getByRole("link", { name: "Åpne behov", exact: true }).click();
  await veileder.getByRole("heading", { name: "Åpne behov for mine kandidater" }).waitFor();
  await accessible(veileder, "the caseload against the open needs");
  await screenshot(veileder, "9-apne-behov");
  await veileder.goto(`${URL}/veileder/kandidat/${target.id}/behov`);
  await veileder.getByRole("heading", { name: "Hva ville åpnet flest dører" }).waitFor();
  await accessible(veileder, "one candidate's open needs");
  await screenshot(veileder, "10-behov-for-kandidat");

  await new Promise((resolve) => setTimeout(resolve, 1000)); // visible in shortlists within a second
  const advisor = await signedIn("dev-radgiver");
  await draftFrom(advisor, need, 500);
  await advisor.getByRole("button", { name: "Finn kandidater" }).click();
  await advisor.getByRole("heading", { name: /Kortliste/ }).waitFor();
  const entry = advisor.locator("article", { has: advisor.getByRole("heading", { name: new RegExp(`\\. ${target.id}$`) }) });
  await entry.locator("summary").click();
  const row = entry.locator("tr", { hasText: "Interesse: bil" });
  await row.getByText("Fra veileders tagg").waitFor();
  await row.getByText(/interessert i bil og motor/).waitFor();
  await row.getByText(/tagget av V1042/).waitFor();
  await advisor.context().close();
  await veileder.context().close();
});

test("a veileder is refused the advisor's pages, and an advisor the veileder's", async () => {
  const veileder = await signedIn("dev-veileder");
  const response = await veileder.goto(`${URL}/radgiver/behov`);
  assert.equal(response.status(), 403);
  await veileder.getByRole("heading", { name: "Ingen tilgang" }).waitFor();
  assert.equal(await veileder.getByRole("link", { name: "Nytt behov" }).count(), 0, "the menu does not offer it");
  await accessible(veileder, "refusal");
  const advisor = await signedIn("dev-radgiver");
  assert.equal((await advisor.goto(`${URL}/veileder/kandidater`)).status(), 403);
  await veileder.context().close();
  await advisor.context().close();
});

test("a wrong token is refused with a message the screen reader hears", async () => {
  const context = await browser.newContext({ bypassCSP: AXE_NEEDS_INLINE });
  const page = await context.newPage();
  await page.goto(`${URL}/logg-inn`);
  await page.getByLabel("Tilgangsnøkkel").fill("not-a-token");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByRole("alert").getByText("Nøkkelen er ukjent").waitFor();
  await accessible(page, "sign-in error");
  await screenshot(page, "0-logg-inn");
  await context.close();
});
