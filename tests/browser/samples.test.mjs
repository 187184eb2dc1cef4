// Inspection samples in real Chromium: a senior manager opens the samples, is refused a blank
// form, draws a sample of a team's cases, reads it (the seed, how to draw it again, the verdict)
// and replaces a case with a reason, which shows beside the original; the team's SPO then sees
// it. axe checks each page against WCAG 2.2 AA.
// scripts/browser-tests.sh starts the server and sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

test('a senior manager draws an inspection sample and replaces a case with a reason', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.manager1')
  await page.goto(`${base}/reports/samples`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Inspection samples')
  await expectAccessible(page)

  // A blank form shows the GOV.UK error summary and writes nothing.
  await page.getByLabel('How many cases').fill('0')
  await page.getByRole('button', { name: 'Draw and record the sample' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter what the sample is for/)
  await expectAccessible(page)

  await page.getByLabel('What the sample is for').fill('Browser test: team A inspection')
  await page.getByLabel('Cases held by').selectOption('team:NE-TYN-A')
  await page.getByLabel('How many cases').fill('3')
  await page.getByRole('button', { name: 'Draw and record the sample' }).click()
  await page.locator('#sample-cases').waitFor()
  assert.match(page.url(), /\/reports\/samples\/\d+\?done=drawn$/)
  assert.match(await page.locator('#verification').innerText(), /Verified/)
  assert.match(await page.locator('#seed').innerText(), /^[0-9a-f]{64}$/)
  const rows = page.locator('#sample-cases tbody tr')
  const drawn = await rows.count()
  assert.ok(drawn >= 1 && drawn <= 3, `${drawn} cases drawn`)
  await expectAccessible(page)

  if (drawn < 3) {
    // The team holds fewer cases than asked for: every one is in the sample, none to replace with.
    assert.deepEqual(problems, [])
    await context.close()
    return
  }
  const first = (await rows.first().locator('th').innerText()).trim()
  const reason = page.getByLabel(`Why replace ${first}`)
  await reason.fill('The person has moved out of the area')
  await page.getByRole('button', { name: `Replace ${first}` }).click()
  await page.locator('#sample-cases').waitFor()
  assert.match(page.url(), /\?done=replaced$/)
  const table = await page.locator('#sample-cases').innerText()
  assert.match(table, /The person has moved out of the area/)
  assert.match(table, new RegExp(`Replaces ${first}`))
  assert.match(await page.locator('#verification').innerText(), /Verified/)
  await expectAccessible(page)
  assert.deepEqual(problems, [])
  await context.close()
})

test('an SPO sees their team\'s samples but draws none', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.spo1')
  await page.goto(`${base}/reports/samples`)
  assert.equal(await page.getByRole('button', { name: 'Draw and record the sample' }).count(), 0)
  await expectAccessible(page)
  assert.deepEqual(problems, [])
  await context.close()
})
