// A practitioner's day in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// sign in, the caseload, a search, a person, the timeline and its filters, a contact refused and
// then saved, a note kept when the session ends, an appointment booked (refused first), rearranged
// and found in the diary, signing out. axe checks every page visited
// against WCAG 2.2 AA. scripts/browser-tests.sh starts the server and sets PROBITY_URL and
// PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, password, request, signIn } from './support.mjs'

// A caseload row's link to the person (the row may also link to their enforcement alerts).
const personLink = 'a:not([href$="/enforcement"])'

test('a practitioner signs in, works a case and signs out', async () => {
  const { context, page, problems } = await newPage()

  // Sign in: first with the password missing, which the form says and keeps the username.
  await page.goto(`${base}/`)
  assert.match(page.url(), /\/sign-in/)
  await expectAccessible(page)
  await page.getByLabel('Username').fill('demo.po1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  assert.equal(await page.title(), 'Error: Sign in - Probity')
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter your password/)
  assert.equal(await page.getByLabel('Username').inputValue(), 'demo.po1')
  await expectAccessible(page)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  // The caseload: my cases, each a link to the person.
  assert.match(page.url(), /\/caseload$/)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'My caseload')
  const rows = page.locator('#caseload tbody tr')
  assert.ok(await rows.count() > 0, 'the demo practitioner has cases')
  await expectAccessible(page)

  // Sorting by CRN in the browser (MoJ sortable table) reorders the rows.
  await page.locator('#caseload thead').getByRole('button', { name: 'CRN' }).click()
  const crns = await page.locator('#caseload tbody tr td:first-child').allInnerTexts()
  assert.deepEqual(crns, [...crns].sort())

  // Search by the first person's surname finds them.
  const firstName = await page.locator('#caseload tbody tr').first().locator(personLink).innerText()
  const surname = firstName.split(',')[0]
  await page.getByLabel('Search by name or CRN').fill(surname)
  await page.getByRole('button', { name: 'Search' }).click()
  assert.match(page.url(), /q=/)
  const found = await page.locator(`#caseload tbody tr ${personLink}`).allInnerTexts()
  assert.ok(found.length > 0 && found.every((n) => n.startsWith(surname)), `search for ${surname} found ${found}`)
  await expectAccessible(page)

  // The person's overview.
  await page.locator(`#caseload tbody tr ${personLink}`).first().click()
  assert.match(page.url(), /\/people\/[A-Z]\d{6}$/)
  const crn = page.url().split('/').pop()
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /\S+ \S+/)
  await page.getByRole('heading', { name: 'Sentences' }).waitFor()
  await page.getByRole('heading', { name: 'Registrations and risk flags' }).waitFor()
  await page.getByRole('heading', { name: 'Responsible officer' }).waitFor()
  await expectAccessible(page)

  // The timeline, then filtered to phone calls only.
  await page.getByRole('link', { name: 'Timeline', exact: true }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/timeline`))
  await expectAccessible(page)
  await page.getByLabel('Phone call').check()
  await page.getByRole('button', { name: 'Apply filters' }).click()
  assert.match(page.url(), /type=phone_call/)
  const types = await page.locator('#timeline li').evaluateAll((items) => items.map((i) => i.dataset.type))
  assert.ok(types.every((t) => t === 'phone_call'), `only phone calls after filtering: ${types}`)
  await expectAccessible(page)

  // A contact without a note is refused with the error summary, keeping what was chosen.
  await page.getByRole('link', { name: 'Add a contact' }).click()
  await expectAccessible(page)
  await page.getByLabel('Phone call').check()
  await page.getByRole('button', { name: 'Save contact' }).click()
  assert.equal(await page.title(), `Error: Add a contact for ${await page.getByRole('heading', { level: 1 }).innerText()} - Probity`)
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.innerText(), /Enter a note of the contact/)
  assert.ok(await page.getByLabel('Phone call').isChecked(), 'the chosen type is kept')
  await expectAccessible(page)
  // The summary links to the field.
  await summary.getByRole('link', { name: 'Enter a note of the contact' }).click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'note')

  // Then saved: it is on the timeline, newest first.
  const note = `Called about the appointment on Thursday ${Date.now()}.`
  await page.getByRole('textbox', { name: 'Note' }).fill(note)
  await page.getByRole('button', { name: 'Save contact' }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/timeline`))
  await page.locator('#contact-added').waitFor()
  assert.equal(await page.locator('#timeline li .app-timeline__note').first().innerText(), note)
  await expectAccessible(page)

  // Signing out ends the session: the caseload sends the browser to sign in again.
  await page.getByRole('button', { name: 'Sign out' }).click()
  assert.match(page.url(), /\/sign-in\?signed_out=1/)
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /You have signed out/)
  await expectAccessible(page)
  await page.goto(`${base}/caseload`)
  assert.match(page.url(), /\/sign-in\?next=%2Fcaseload/)

  assert.deepEqual(problems, [])
  await context.close()
})

test('a note being written when the session ends is kept and offered back after signing in', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  await page.locator(`#caseload tbody tr ${personLink}`).first().click()
  const crn = page.url().split('/').pop()
  await page.getByRole('link', { name: 'Add a contact' }).click()
  await page.getByLabel('Home visit').check()
  const note = `Visited; nobody answered. Left a card ${Date.now()}.`
  await page.getByRole('textbox', { name: 'Note' }).fill(note)

  // The session ends elsewhere while the browser still holds its cookie (as when it times out).
  const cookie = (await context.cookies()).find((c) => c.name === 'probity_session')
  const csrf = await page.locator('input[name="csrf_token"]').first().inputValue()
  const api = await request.newContext()
  const ended = await api.delete(`${base}/api/v1/session`, {
    headers: { Cookie: `probity_session=${cookie.value}`, 'X-CSRF-Token': csrf }
  })
  assert.equal(ended.status(), 204)
  await api.dispose()

  await page.getByRole('button', { name: 'Save contact' }).click()
  assert.match(page.url(), /\/sign-in\?draft_kept=1/)
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /what you typed has been kept/)
  await expectAccessible(page)
  await page.getByLabel('Username').fill('demo.po1')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  assert.match(page.url(), new RegExp(`/people/${crn}/contacts/new$`))
  await page.locator('#draft-kept').waitFor()
  assert.equal(await page.getByRole('textbox', { name: 'Note' }).inputValue(), note)
  assert.ok(await page.getByLabel('Home visit').isChecked())
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save contact' }).click()
  assert.equal(await page.locator('#timeline li .app-timeline__note').first().innerText(), note)

  // Saved, the draft is gone.
  await page.getByRole('link', { name: 'Add a contact' }).click()
  assert.equal(await page.locator('#draft-kept').count(), 0)
  assert.equal(await page.getByRole('textbox', { name: 'Note' }).inputValue(), '')

  assert.deepEqual(problems, [])
  await context.close()
})

// A UK calendar day `days` from now, as YYYY-MM-DD (en-CA writes dates that way).
function ukDay (days) {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  return at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
}

// The UK calendar day of the first weekday at least `days` from now: offices' rooms are open on
// weekdays.
function ukWeekday (days) {
  for (let d = days; ; d++) {
    const at = new Date(Date.now() + d * 24 * 60 * 60 * 1000)
    const weekday = at.toLocaleDateString('en-GB', { timeZone: 'Europe/London', weekday: 'short' })
    if (weekday !== 'Sat' && weekday !== 'Sun') return ukDay(d)
  }
}

test('a practitioner books an appointment, rearranges it and finds it in the diary', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  await page.locator(`#caseload tbody tr ${personLink}`).first().click()
  const crn = page.url().split('/').pop()
  const name = await page.getByRole('heading', { level: 1 }).innerText()

  // The person's appointments, from the tab on their record.
  await page.getByRole('link', { name: 'Appointments', exact: true }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/appointments$`))
  await expectAccessible(page)

  // Booking: first without a time, which the form says, keeping everything else.
  await page.getByRole('button', { name: 'Book an appointment' }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/appointments/new$`))
  await expectAccessible(page)
  const day = ukWeekday(3)
  await page.getByLabel('Type of appointment').selectOption('supervision')
  await page.getByLabel('Date (YYYY-MM-DD)').fill(day)
  await page.getByLabel('How long, in minutes').fill('45')
  await page.getByLabel('At an office').check()
  await page.getByLabel('Office', { exact: true }).selectOption({ label: 'Wallsend Probation Office' })
  await page.getByRole('button', { name: 'Book appointment' }).click()
  assert.equal(await page.title(), `Error: Book an appointment for ${name} - Probity`)
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.innerText(), /Enter the time of the appointment/)
  assert.equal(await page.getByLabel('Type of appointment').inputValue(), 'supervision')
  assert.equal(await page.getByLabel('Date (YYYY-MM-DD)').inputValue(), day)
  assert.equal(await page.getByLabel('Office', { exact: true }).inputValue(), 'NE-WALL')
  await expectAccessible(page)
  await summary.getByRole('link', { name: 'Enter the time of the appointment' }).click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'time')

  // Then booked: the list says so, with the appointment to come.
  await page.getByLabel('Time (HH:MM, UK time)').fill('10:00')
  await page.getByRole('button', { name: 'Book appointment' }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/appointments\\?booked=\\d+$`))
  const booked = page.locator('#appointment-booked')
  assert.match(await booked.innerText(), /Supervision appointment on .* at 10am/)
  assert.ok(await page.locator('#upcoming tbody tr').count() > 0)
  await expectAccessible(page)

  // Its page; then rearranged at the person's request to somewhere else, later that day.
  await booked.getByRole('link').click()
  assert.match(page.url(), new RegExp(`/people/${crn}/appointments/\\d+$`))
  const original = page.url()
  assert.match(await page.locator('#appointment-state').innerText(), /Upcoming/)
  await expectAccessible(page)

  // Its outcome form has no link before it starts; sent anyway, it is refused with why.
  await page.goto(`${original}/outcome`)
  await expectAccessible(page)
  await page.getByLabel('Failed to attend').check()
  await page.getByLabel('Unacceptable').check()
  await page.getByLabel('Note').fill('Sent too early on purpose.')
  await page.getByRole('button', { name: 'Record outcome' }).click()
  assert.match(await page.locator('.govuk-error-summary').innerText(), /has not started yet/)
  assert.ok(await page.getByLabel('Unacceptable').isChecked(), 'the judgement is kept')
  await expectAccessible(page)
  await page.goto(original)

  await page.getByRole('button', { name: 'Rearrange' }).click()
  await expectAccessible(page)
  await page.getByLabel('The person on probation').check()
  await page.getByLabel('Why it is being moved').fill('Job interview that morning')
  await page.getByLabel('Time (HH:MM, UK time)').fill('16:10')
  await page.getByLabel('Somewhere else').check()
  // The location field sits under its choice; only the chosen place's fields count.
  await page.getByLabel('Where it is').fill('12 Hadrian Road, Wallsend')
  await page.getByRole('button', { name: 'Rearrange appointment' }).click()
  assert.match(page.url(), /\?rearranged=1$/)
  await page.locator('#appointment-changed').waitFor()
  assert.match(await page.locator('#appointment-summary').innerText(), /at 4:10pm/)
  assert.match(await page.locator('#appointment-summary').innerText(), /12 Hadrian Road, Wallsend/)
  await expectAccessible(page)
  await page.locator('#rearranged-from').click()
  assert.equal(page.url(), original)
  assert.match(await page.locator('#appointment-state').innerText(), /Rearranged/)
  await expectAccessible(page)

  // The diary: that day shows the new time with the person; the week too.
  await page.getByRole('link', { name: 'My diary' }).click()
  assert.match(page.url(), /\/diary$/)
  await expectAccessible(page)
  await page.getByLabel('Go to a date (YYYY-MM-DD)').fill(day)
  await page.getByRole('button', { name: 'Go to date' }).click()
  // (The demo caseload has appointments of its own: find ours by the person and the new time.)
  const ours = () => page.locator('tbody tr', { hasText: crn }).filter({ hasText: '4:10pm' })
  assert.equal(await ours().count(), 1, `the appointment with ${crn} at 4:10pm on ${day}`)
  assert.match(await ours().innerText(), /Supervision appointment/)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Week', exact: true }).click()
  assert.match(page.url(), /view=week/)
  assert.equal(await ours().count(), 1)
  await expectAccessible(page)
  await ours().locator(`a[href="/people/${crn}"]`).click()
  assert.match(page.url(), new RegExp(`/people/${crn}$`))
  await page.locator('#next-appointment').waitFor()
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})

test('a practitioner records an outcome from the person page and amends it, keeping the original', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  // The demo caseload gives demo.po1 appointments from the last working day awaiting an outcome.
  let awaiting = null
  for (let back = 1; back <= 4 && !awaiting; ++back) {
    const diary = await page.request.get(`${base}/api/v1/diary?from=${ukDay(-back)}`)
    assert.equal(diary.status(), 200)
    awaiting = (await diary.json()).items.find(a => a.state === 'awaiting_outcome')
  }
  assert.ok(awaiting, 'an appointment awaiting its outcome in the demo data')
  const crn = awaiting.crn

  // One screen from the person page: its Record outcome link.
  await page.goto(`${base}/people/${crn}`)
  await page.locator(`a[href="/people/${crn}/appointments/${awaiting.id}/outcome"]`).first().click()
  assert.match(page.url(), new RegExp(`/appointments/${awaiting.id}/outcome$`))
  await expectAccessible(page)

  // A failure without its judgement is refused, saying so, keeping what was typed.
  await page.getByLabel('Failed to attend').check()
  await page.getByLabel('Note').fill('No contact; letter sent.')
  await page.getByRole('button', { name: 'Record outcome' }).click()
  assert.match(await page.locator('.govuk-error-summary').innerText(), /judgement|acceptable/i)
  assert.equal(await page.getByLabel('Note').inputValue(), 'No contact; letter sent.')
  await expectAccessible(page)
  await page.getByLabel('Unacceptable').check()
  await page.getByRole('button', { name: 'Record outcome' }).click()
  assert.match(page.url(), new RegExp(`/appointments/${awaiting.id}(\\?.*)?$`))
  assert.match(await page.locator('#appointment-state').innerText(), /unacceptable/i)
  await expectAccessible(page)

  // Amended on a manager's instruction when evidence arrives: a reason is required, and the
  // first record stays above the one that now stands.
  await page.getByRole('button', { name: 'Amend outcome' }).click()
  await expectAccessible(page)
  await page.getByLabel('Acceptable', { exact: true }).check()
  await page.getByLabel('Why it was acceptable').selectOption('illness')
  await page.getByLabel('Note').fill('GP letter received: unwell that day.')
  await page.getByRole('button', { name: 'Amend outcome' }).click()
  assert.match(await page.locator('.govuk-error-summary').innerText(), /why the outcome is being amended/)
  await expectAccessible(page)
  await page.getByLabel('Why you are amending it').fill('Medical evidence received')
  await page.getByLabel('On whose instruction (optional)').fill('demo.spo1')
  await page.getByRole('button', { name: 'Amend outcome' }).click()
  const history = page.locator('#outcome-history > li')
  assert.equal(await history.count(), 2)
  assert.match(await history.nth(0).innerText(), /Unacceptable/i)
  assert.match(await history.nth(1).innerText(), /Medical evidence received/)
  assert.match(await history.nth(1).innerText(), /Sandra Price/)
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})

test('an unknown page and a case that cannot be seen are GOV.UK-style pages', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'demo.po1')
  const missing = await page.goto(`${base}/no-such-page`)
  assert.equal(missing.status(), 404)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found')
  await expectAccessible(page)
  const hidden = await page.goto(`${base}/people/Z999999`)
  assert.equal(hidden.status(), 404)
  await expectAccessible(page)
  await context.close()
})

// UK time `minutes` from now: [YYYY-MM-DD, HH:MM].
function ukNowPlus (minutes) {
  const at = new Date(Date.now() + minutes * 60 * 1000)
  const day = at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
  const time = at.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false })
  return [day, time]
}

test('a practitioner decides not to enforce a failure; the SPO countersigns and it leaves the worklist', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  await page.locator(`#caseload tbody tr ${personLink}`).first().click()
  const crn = page.url().split('/').pop()

  // A failure to record, through the pages: a home visit a couple of minutes from now (an
  // outcome may be recorded from five minutes before the start; an office may be closed now),
  // judged an unacceptable absence.
  await page.getByRole('link', { name: 'Appointments', exact: true }).click()
  await page.getByRole('button', { name: 'Book an appointment' }).click()
  const [day, time] = ukNowPlus(2)
  await page.getByLabel('Type of appointment').selectOption('home_visit')
  await page.getByLabel('Date (YYYY-MM-DD)').fill(day)
  await page.getByLabel('Time (HH:MM, UK time)').fill(time)
  await page.getByLabel('How long, in minutes').fill('30')
  await page.getByLabel('Somewhere else').check()
  await page.getByLabel('Where it is').fill('Home visit')
  const sentences = page.getByLabel('Sentence (optional)')
  if (await sentences.count() > 0 && await sentences.locator('option').count() > 1) await sentences.selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Book appointment' }).click()
  await page.locator('#appointment-booked').getByRole('link').click()
  await page.goto(`${page.url()}/outcome`)
  await page.getByLabel('Failed to attend').check()
  await page.getByLabel('Unacceptable').check()
  await page.getByLabel('Note').fill('Did not attend; no contact since.')
  await page.getByRole('button', { name: 'Record outcome' }).click()
  assert.match(await page.locator('#appointment-state').innerText(), /unacceptable/i)

  // The worklist, from the navigation, filtered to my cases: the failure is there with its alert.
  await page.getByRole('link', { name: 'Enforcement', exact: true }).first().click()
  assert.match(page.url(), /\/enforcement\/worklist$/)
  await expectAccessible(page)
  await page.getByLabel('Responsible officer').selectOption({ label: 'Priya Okafor' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  assert.match(page.url(), /officer=\d+/)
  await expectAccessible(page)
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
  const ours = () => page.locator('#worklist tbody tr', { hasText: crn }).filter({ hasText: `${today}: Planned home visit` })
  assert.equal(await ours().count(), 1, `the alert for ${crn}'s failure today`)
  assert.match(await ours().innerText(), /Open/)

  // The alert on the person's enforcement tab, then the decision form from it.
  await ours().getByRole('link').first().click()
  assert.match(page.url(), new RegExp(`/people/${crn}/enforcement#alert-\\d+-\\d+$`))
  await expectAccessible(page)
  const anchor = page.url().split('#')[1]
  await page.locator(`#${anchor}`).getByRole('link', { name: 'Record a decision' }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/enforcement/decisions/new\\?sentence=\\d+&appointment=\\d+$`))
  await expectAccessible(page)

  // Not enforced without a rationale: refused, saying so, keeping the choice.
  await page.getByLabel('Not enforced on professional judgement').check()
  await page.getByRole('button', { name: 'Record decision' }).click()
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.innerText(), /professional judgement behind the decision not to enforce/)
  assert.ok(await page.getByLabel('Not enforced on professional judgement').isChecked())
  await expectAccessible(page)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rationale')
  const rationale = `Taken to hospital that morning; discharge letter seen ${Date.now()}.`
  await page.getByRole('textbox', { name: 'Rationale' }).fill(rationale)
  await page.getByRole('button', { name: 'Record decision' }).click()
  assert.match(page.url(), new RegExp(`/people/${crn}/enforcement\\?decided=not_enforced#${anchor}$`))
  assert.match(await page.locator('#enforcement-done').innerText(), /Not enforced on professional judgement/)
  const decision = page.locator('.govuk-summary-card', { hasText: rationale })
  assert.match(await decision.innerText(), /Awaiting countersignature/)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Sign out' }).click()

  // The SPO countersigns it from the worklist, where it awaits countersignature.
  await signIn(page, 'demo.spo1')
  await page.getByRole('link', { name: 'Enforcement', exact: true }).first().click()
  await expectAccessible(page)
  assert.match(await ours().innerText(), /Awaiting countersignature/)
  await ours().getByRole('link').first().click()
  await expectAccessible(page)
  await page.locator('.govuk-summary-card', { hasText: rationale }).getByRole('button', { name: 'Countersign' }).click()
  assert.match(await page.locator('#enforcement-done').innerText(), /Decision countersigned/)
  assert.match(await page.locator('.govuk-summary-card', { hasText: rationale }).innerText(), /Sandra Price/)
  assert.match(await page.locator(`#${anchor}`).innerText(), /Closed/)
  await expectAccessible(page)

  // Gone from the worklist.
  await page.getByRole('link', { name: 'Enforcement', exact: true }).first().click()
  assert.equal(await ours().count(), 0)
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})
