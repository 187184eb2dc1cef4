#include "app/unallocated.h"

#include "access/policy.h"
#include "app/calendar.h"
#include "appointments/rules.h"
#include "appointments/store.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/timeline_store.h"
#include "core/uk_time.h"

namespace probity::app {

Result<std::vector<allocation::QueueEntry>> UnallocatedQueue(store::Db& db,
                                                             const access::Principal& who,
                                                             UtcTime now) {
  cases::PeopleQuery q;
  q.scope = access::ScopeOf(who, access::Action::kAllocateCase);
  if (q.scope.kind == access::CaseScope::Kind::kNone)
    return Error::Forbidden("forbidden", "only SPOs and senior managers allocate cases");
  q.viewer_staff_id = who.staff_id;
  q.unallocated_only = true;
  q.limit = kQueueLimit;
  const Date today = UkDateOf(now);

  auto tx = db.BeginRead();
  const auto people = cases::FindPeople(tx, q).items;
  std::vector<int64_t> ids;
  for (const auto& p : people) ids.push_back(p.id);
  auto sentences = cases::LoadCurrentSentences(tx, ids);
  const auto calendar = LoadWorkingCalendar(tx);
  std::vector<allocation::QueueEntry> out;
  for (const auto& p : people) {
    auto sentence = allocation::WaitingOn(sentences[p.id], today);
    if (!sentence) continue;  // current from a later date: not waiting yet
    allocation::QueueEntry e;
    e.person = p;
    if (const auto born = ParseDate(p.date_of_birth)) e.age = WholeYears(*born, today);
    const auto person = cases::FindPerson(tx, p.crn);
    const auto record = cases::LoadCaseRecord(tx, *person);
    e.risk_flags = allocation::RiskFlagsOf(record.registrations, today);
    e.high_risk = allocation::IsHighRisk(record.registrations, today);
    e.waiting_since =
        allocation::WaitingSince(cases::LoadAllocations(tx, p.id), person->created_at);
    e.days_waiting = static_cast<int>((today - UkDateOf(e.waiting_since)).count());
    const auto appointments = appointments::LoadAppointments(tx, p.id);
    e.first_appointment =
        appointments::FirstAppointmentOf(*sentence, appointments, calendar, today);
    e.sentence = std::move(*sentence);
    cases::TimelineQuery latest;
    latest.person_id = p.id;
    latest.limit = 1;
    if (auto page = cases::ReadTimeline(tx, latest); !page.items.empty())
      e.last_action = std::move(page.items.front());
    e.viewed_by = cases::LoadUnallocatedViews(tx, p.id, UkDateOf(e.waiting_since));
    out.push_back(std::move(e));
  }
  allocation::SortByUrgency(out);
  return out;
}

void NoteUnallocatedView(store::Db& db, const access::Principal& who,
                         const cases::CaseRecord& record, UtcTime now) {
  const Date today = UkDateOf(now);
  if (record.person.officer_staff_id || who.staff_id == 0) return;
  if (!allocation::WaitingOn(record.sentences, today)) return;
  auto tx = db.BeginWrite();
  cases::RecordUnallocatedView(tx, record.person.id, who.staff_id, today, now);
  tx.Commit();
}

}  // namespace probity::app
