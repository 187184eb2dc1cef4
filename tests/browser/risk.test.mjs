// Risk and tier in real Chromium: from a case on demo.po1's caseload to its "Risk and tier" tab,
// the RSR form refused blank then recorded, and a needs assessment recorded; the tier explanation
// is worked out again after each. axe checks each page against WCAG 2.2 AA.
// scripts/browser-tests.sh starts the server and sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

test('a practitioner records an RSR and a needs assessment and sees why the case has its tier', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  assert.match(page.url(), /\/caseload$/)
  await page.locator('#caseload tbody tr').first().locator('a:not([href$="/enforcement"])').first().click()
  const crn = page.url().split('/people/')[1]

  await page.getByRole('link', { name: 'Risk and tier' }).click()
  assert.equal(page.url(), `${base}/people/${crn}/risk`)
  assert.match(await page.locator('#why').innerText(), /^Why is this case [A-D][0-3]\?$/)
  await expectAccessible(page)

  // The RSR form: refused blank, with every field's error linked from the summary.
  await page.getByRole('button', { name: 'Record an RSR assessment' }).click()
  await expectAccessible(page)
  await page.getByLabel('Assessed by').fill('')
  await page.getByRole('button', { name: 'Record the RSR' }).click()
  const summary = await page.locator('.govuk-error-summary').innerText()
  for (const message of ['Enter the RSR score', 'Select whether the score is static or dynamic',
    'Enter the date of the assessment', 'Enter the name of the person who made the assessment']) {
    assert.match(summary, new RegExp(message))
  }
  await expectAccessible(page)

  // Recorded: 7.1 dynamic scores 20 for protect, so the case is tiered A or B.
  await page.getByLabel('RSR score (%)').fill('7.1')
  await page.getByLabel('Dynamic').check()
  await page.getByLabel('Day').fill('2')
  await page.getByLabel('Month').fill('11')
  await page.getByLabel('Year').fill('2026')
  await page.getByLabel('Assessed by').fill('Jo Bloggs')
  await page.getByRole('button', { name: 'Record the RSR' }).click()
  assert.equal(page.url(), `${base}/people/${crn}/risk?recorded=rsr`)
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /RSR assessment recorded/)
  assert.match(await page.locator('#rsr').innerText(), /^7\.1% \(High\), Dynamic, assessed on 2 November 2026 by Jo Bloggs$/)
  assert.match(await page.locator('#why').innerText(), /^Why is this case [AB][0-3]\?$/)
  assert.match(await page.locator('#protect').innerText(), /RSR 7\.1% \(dynamic, 2 November 2026, by Jo Bloggs\)\s+20 points/)
  await expectAccessible(page)

  // A needs assessment: drugs severe.
  await page.getByRole('button', { name: 'Record a needs assessment' }).click()
  await expectAccessible(page)
  await page.locator('#drugs-severe').check()
  await page.getByLabel('Day').fill('20')
  await page.getByLabel('Month').fill('11')
  await page.getByLabel('Year').fill('2026')
  await page.getByRole('button', { name: 'Record the assessment' }).click()
  assert.equal(page.url(), `${base}/people/${crn}/risk?recorded=needs`)
  assert.match(await page.locator('#needs').innerText(), /Drug misuse\s+Severe need\s+20 November 2026/)
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})
