#include "gen/generator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "access/rules.h"
#include "appointments/rules.h"
#include "appointments/vocabulary.h"
#include "calendar/working_days.h"
#include "cases/rules.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "org/rules.h"

namespace probity::gen {
namespace {

// Everything generated about a person, as one text, so two runs can be compared whole.
std::string Describe(const GenPerson& p) {
  std::ostringstream out;
  const auto& d = p.details;
  out << d.crn << '|' << d.first_name << '|' << d.last_name << '|' << d.date_of_birth << '|'
      << d.gender << '|' << d.phone.value_or("-") << '|' << d.email.value_or("-") << '|'
      << d.team_code << '|' << d.iom << '|' << p.team << '|' << p.officer.value_or(-1) << '|'
      << FormatUtc(p.registered_at) << '|' << FormatUtc(p.allocated_at) << '|' << p.address.line1
      << '|' << p.address.postcode << '|' << p.tier << '\n';
  for (const auto& c : p.convictions) out << c.conviction_date << c.offence_group << '\n';
  for (const auto& s : p.sentences) {
    out << s.sentence.kind << s.sentence.sentence_date << s.sentence.expected_end
        << s.sentence.court << FormatUtc(s.added_at) << '\n';
    for (const auto& r : s.requirements) out << r.type << r.amount << '\n';
    for (const auto& c : s.conditions) out << c.description << '\n';
  }
  for (const auto& r : p.registrations)
    out << r.type << r.level.value_or("-") << r.category.value_or("-") << r.start_date << '\n';
  for (const auto& n : p.needs) out << n.need << n.severity << n.assessed_on << '\n';
  for (const auto& c : p.contacts) out << c.type << FormatUtc(c.at) << c.author << c.note << '\n';
  for (const auto& a : p.appointments) {
    out << a.type << FormatUtc(a.starts_at) << a.duration_minutes << a.location.value_or("-")
        << a.staff << a.booked_by << FormatUtc(a.booked_at) << a.requirement.value_or(-1)
        << a.rearranged_from.value_or(-1) << a.rearranged_to.value_or(-1)
        << a.rearrange_reason.value_or("-") << FormatUtc(a.rearranged_at) << '\n';
    for (const auto& o : a.outcomes)
      out << o.outcome << o.judgement.value_or("-") << o.judgement_reason.value_or("-") << o.note
          << o.recorded_by << FormatUtc(o.recorded_at) << o.amendment_reason.value_or("-")
          << o.instructed_by.value_or(-1) << '\n';
  }
  return out.str();
}

std::string Describe(const GenOrg& org) {
  std::ostringstream out;
  for (const auto& r : org.regions) out << r.code << r.name << '\n';
  for (const auto& p : org.pdus) out << p.code << p.name << '\n';
  for (const auto& t : org.teams) out << t.team.code << t.team.name << t.manager << '\n';
  for (const auto& o : org.offices) out << o.code << o.address << '\n';
  for (const auto& s : org.staff)
    out << s.staff.name << access::ToString(s.staff.grade) << s.staff.contracted_minutes
        << s.staff.start_date.value_or("-") << s.team << '\n';
  return out.str();
}

struct Sample {
  Options options;
  GenOrg org;
  std::vector<GenPerson> people;
};

const Sample& FiveThousand() {
  static const Sample sample = [] {
    Sample s;
    s.options = {5000, 42};
    s.org = GenerateOrg(s.options);
    for (int64_t i = 0; i < s.options.people; ++i)
      s.people.push_back(GeneratePerson(s.org, s.options, i));
    return s;
  }();
  return sample;
}

TEST(GenGenerator, SameSeedGivesTheSameData) {
  const Options options{300, 9};
  const GenOrg a = GenerateOrg(options), b = GenerateOrg(options);
  EXPECT_EQ(Describe(a), Describe(b));
  for (int64_t i = 0; i < options.people; ++i)
    ASSERT_EQ(Describe(GeneratePerson(a, options, i)), Describe(GeneratePerson(b, options, i)))
        << "person " << i;
}

TEST(GenGenerator, AnotherSeedGivesOtherData) {
  const Options one{300, 1}, two{300, 2};
  const GenOrg a = GenerateOrg(one), b = GenerateOrg(two);
  EXPECT_NE(Describe(a), Describe(b));
  int same = 0;
  for (int64_t i = 0; i < 50; ++i)
    same += Describe(GeneratePerson(a, one, i)) == Describe(GeneratePerson(b, two, i));
  EXPECT_EQ(same, 0);
}

TEST(GenGenerator, OrganisationFollowsTheScale) {
  EXPECT_EQ(StaffFor(1), 40);
  EXPECT_EQ(StaffFor(200), 40);
  EXPECT_EQ(StaffFor(250'000), 12'000);
  EXPECT_EQ(StaffFor(5000), 240);
  const GenOrg& org = FiveThousand().org;
  EXPECT_EQ(org.staff.size(), 240u);
  std::map<int, int> sizes;
  for (const auto& s : org.staff) ++sizes[s.team];
  for (const auto& [team, size] : sizes) {
    SCOPED_TRACE(org.teams[team].team.code);
    // The last two teams share what is left, so may be a little smaller.
    EXPECT_GE(size, team + 2 >= static_cast<int>(org.teams.size()) ? 6 : 8);
    EXPECT_LE(size, 12);
    EXPECT_EQ(org.staff[org.teams[team].manager].staff.grade, access::Grade::kSpo);
    EXPECT_FALSE(org.teams[team].officers.empty());
  }
  EXPECT_LE(org.pdus.size() * 10, org.teams.size() + 9);
  EXPECT_EQ(org.offices.size(), org.pdus.size());
  // Codes like G01-P03-T07, valid organisation input that the demo organisation never uses.
  EXPECT_EQ(org.teams.front().team.code, "G01-P01-T01");
  for (const auto& r : org.regions) EXPECT_TRUE(org::Check(r)) << r.code;
  for (const auto& p : org.pdus) EXPECT_TRUE(org::Check(p)) << p.code;
  for (const auto& t : org.teams) EXPECT_TRUE(org::Check(t.team)) << t.team.code;
  for (const auto& o : org.offices) EXPECT_TRUE(org::Check(o)) << o.code;
  for (const auto& s : org.staff) EXPECT_TRUE(access::CheckStaff(s.staff)) << s.staff.name;
}

TEST(GenGenerator, TeamsAreEightToTwelveAtEveryScale) {
  for (int64_t people : {1, 200, 777, 5000, 12'345, 250'000}) {
    const GenOrg org = GenerateOrg({people, 3});
    SCOPED_TRACE(people);
    EXPECT_EQ(static_cast<int64_t>(org.staff.size()), StaffFor(people));
    std::vector<int> sizes(org.teams.size());
    for (const auto& s : org.staff) ++sizes[s.team];
    for (size_t t = 0; t < sizes.size(); ++t) {
      EXPECT_GE(sizes[t], t + 2 >= sizes.size() ? 6 : 8) << org.teams[t].team.code;
      EXPECT_LE(sizes[t], 12) << org.teams[t].team.code;
    }
    if (people == 250'000) {
      EXPECT_GE(org.teams.size(), 1000u);
      EXPECT_GE(org.regions.size(), 10u);
      EXPECT_LE(org.regions.size(), 15u);
    }
  }
}

TEST(GenGenerator, CrnsAreValidAndUnique) {
  std::set<std::string> seen;
  for (int64_t i = 0; i < 200'000; ++i) {
    const std::string crn = CrnOf(42, i);
    ASSERT_TRUE(cases::CheckCrn(crn)) << crn;
    ASSERT_TRUE(seen.insert(crn).second) << "CRN " << crn << " repeats at " << i;
  }
  EXPECT_NE(CrnOf(1, 0), CrnOf(2, 0));
  for (const auto& p : FiveThousand().people) EXPECT_EQ(p.details.crn.size(), 7u);
}

TEST(GenGenerator, EveryPersonPassesTheInputRules) {
  const Date today = AsOf();
  for (const auto& p : FiveThousand().people) {
    SCOPED_TRACE(p.details.crn);
    ASSERT_TRUE(cases::CheckNewPerson(p.details, today));
    ASSERT_TRUE(cases::CheckAddress(p.address, today));
    for (const auto& c : p.convictions) ASSERT_TRUE(cases::CheckConviction(c, today));
    for (const auto& r : p.registrations) ASSERT_TRUE(cases::CheckRegistration(r, today));
    for (const auto& n : p.needs) ASSERT_TRUE(cases::CheckNeed(n, today));
    ASSERT_FALSE(p.sentences.empty());
    for (size_t i = 0; i < p.sentences.size(); ++i) {
      const auto& s = p.sentences[i].sentence;
      const bool current = i + 1 == p.sentences.size();
      EXPECT_EQ(s.current(), current);
      EXPECT_TRUE(cases::Has(cases::SentenceKinds(), s.kind));
      EXPECT_TRUE(cases::Has(cases::OffenceGroups(), s.offence_group));
      ASSERT_TRUE(cases::CheckDate(s.sentence_date, "sentence_date", today));
      ASSERT_TRUE(ParseDate(s.expected_end));
      EXPECT_GT(s.length_months, 0);
      EXPECT_LT(s.sentence_date, s.expected_end);
      if (current) {
        EXPECT_GT(s.expected_end, FormatDate(today)) << "a current sentence ends later";
      }
      if (!current) {
        ASSERT_TRUE(s.termination_reason);
        EXPECT_TRUE(cases::Has(cases::TerminationReasons(), *s.termination_reason));
      }
      for (const auto& r : p.sentences[i].requirements) {
        EXPECT_TRUE(cases::Has(cases::RequirementTypes(), r.type));
        EXPECT_EQ(r.unit, cases::RequirementUnit(r.type));
        EXPECT_GT(r.amount, 0);
      }
      for (const auto& c : p.sentences[i].conditions) {
        EXPECT_TRUE(cases::Has(cases::LicenceConditionTypes(), c.type));
        EXPECT_TRUE(cases::CheckText(c.description, "description", 1000));
      }
    }
    EXPECT_LE(DateOf(p.registered_at), today);
    UtcTime last{};
    for (const auto& c : p.contacts) {
      EXPECT_TRUE(cases::Has(cases::ContactTypes(), c.type)) << c.type;
      EXPECT_TRUE(cases::CheckText(c.note, "note", 4000, true));
      EXPECT_LT(DateOf(c.at), today);
      EXPECT_GE(c.recorded_at, c.at);
      EXPECT_GE(c.at, last) << "contacts come in time order";
      last = c.at;
    }
  }
}

// Shares within `tolerance` (absolute, in percentage points) of the national mix.
void ExpectShare(int count, int total, double want_percent, double tolerance, const char* what) {
  const double got = 100.0 * count / total;
  EXPECT_NEAR(got, want_percent, tolerance) << what;
}

TEST(GenGenerator, ProportionsFollowANationalService) {
  const auto& people = FiveThousand().people;
  const int n = static_cast<int>(people.size());
  std::map<std::string, int> gender, kind, rosh, tier_letter;
  int mappa = 0, domestic_abuse = 0, unallocated = 0, contacts = 0, with_needs = 0;
  for (const auto& p : people) {
    ++gender[p.details.gender];
    ++kind[p.sentences.back().sentence.kind];
    ++tier_letter[p.tier.substr(0, 1)];
    if (!p.officer) ++unallocated;
    if (!p.needs.empty()) ++with_needs;
    contacts += static_cast<int>(p.contacts.size());
    for (const auto& r : p.registrations) {
      if (r.type == "rosh") ++rosh[*r.level];
      if (r.type == "mappa") ++mappa;
      if (r.type == "domestic_abuse_perpetrator") ++domestic_abuse;
    }
  }
  ExpectShare(gender["male"], n, 88, 2, "male");
  ExpectShare(kind["community_order"], n, 40, 3, "community orders");
  ExpectShare(kind["suspended_sentence_order"], n, 20, 3, "suspended sentence orders");
  ExpectShare(kind["licence"], n, 30, 3, "licences");
  ExpectShare(kind["pss"], n, 10, 2, "post-sentence supervision");
  ExpectShare(rosh["low"], n, 30, 3, "ROSH low");
  ExpectShare(rosh["medium"], n, 50, 3, "ROSH medium");
  ExpectShare(rosh["high"], n, 18, 3, "ROSH high");
  ExpectShare(rosh["very_high"], n, 2, 1, "ROSH very high");
  ExpectShare(mappa, n, 5, 1.5, "MAPPA");
  ExpectShare(domestic_abuse, n, 25, 3, "domestic abuse perpetrators");
  ExpectShare(unallocated, n, 3, 1.5, "unallocated");
  ExpectShare(with_needs, n, 85, 3, "with a needs assessment");
  EXPECT_NEAR(static_cast<double>(contacts) / n, 40, 1.5) << "contacts a person";
  for (const char* letter : {"A", "B", "C", "D"}) EXPECT_GT(tier_letter[letter], 0) << letter;
  ExpectShare(tier_letter["A"], n, 3, 2.5, "tier A");
}

TEST(GenGenerator, HighRiskCasesGoToProbationOfficers) {
  const Sample& s = FiveThousand();
  for (const auto& p : s.people) {
    if (!p.officer) continue;
    EXPECT_EQ(s.org.staff[*p.officer].team, p.team);
    bool high = false;
    for (const auto& r : p.registrations)
      high = high || (r.type == "rosh" && (*r.level == "high" || *r.level == "very_high")) ||
             (r.type == "mappa" && *r.level != "1");
    if (high) {
      EXPECT_EQ(s.org.staff[*p.officer].staff.grade, access::Grade::kPo) << p.details.crn;
    }
  }
}

// The appointment as the use cases would hold it just before `outcome` (0: none yet).
appointments::Appointment AsRecorded(const GenAppointment& g, size_t outcomes) {
  appointments::Appointment a;
  a.type = g.type;
  a.starts_at = g.starts_at;
  a.duration_minutes = g.duration_minutes;
  a.status = "booked";
  for (size_t k = 0; k < outcomes; ++k) {
    const GenOutcome& o = g.outcomes[k];
    appointments::Outcome row;
    row.outcome = o.outcome;
    row.judgement = o.judgement;
    row.judgement_reason = o.judgement_reason;
    row.note = o.note;
    a.outcomes.push_back(row);
  }
  return a;
}

TEST(GenGenerator, AppointmentsPassTheAppointmentRules) {
  const std::set<std::string> types = {"initial",    "supervision", "home_visit",
                                       "phone_call", "video_call",  "unpaid_work"};
  const calendar::WorkingCalendar calendar;
  const UtcTime as_of(AsOf());
  const Sample& sample = FiveThousand();
  for (const auto& p : sample.people) {
    SCOPED_TRACE(p.details.crn);
    const GenSentence& current = p.sentences.back();
    const GenTeam& team = sample.org.teams[p.team];
    ASSERT_FALSE(p.appointments.empty());
    EXPECT_EQ(p.appointments.front().type, "initial");
    int ahead = 0;
    UtcTime last_start{};
    for (size_t i = 0; i < p.appointments.size(); ++i) {
      const GenAppointment& a = p.appointments[i];
      SCOPED_TRACE(i);
      EXPECT_TRUE(types.contains(a.type)) << a.type;
      EXPECT_EQ(a.staff, p.officer.value_or(team.manager)) << "with the officer, or the SPO";
      // Booked before it starts, after the sentence came in, before AsOf(), as booking allows.
      ASSERT_TRUE(appointments::CheckBooking(
          BookingOf(sample.org, p, a), appointments::AppointmentType{a.type, "label", true, true},
          a.booked_at));
      EXPECT_GT(a.booked_at, current.added_at);
      EXPECT_LT(a.booked_at, as_of);
      // A working day, starting 09:00 to 16:30 UK time.
      const Date day = UkDateOf(a.starts_at);
      EXPECT_TRUE(calendar.IsWorkingDay(day)) << FormatUkLocal(a.starts_at);
      const auto minute = (a.starts_at - UkStartOfDay(day)) / std::chrono::minutes{1};
      EXPECT_GE(minute, 9 * 60) << FormatUkLocal(a.starts_at);
      EXPECT_LE(minute, 16 * 60 + 30) << FormatUkLocal(a.starts_at);
      EXPECT_GT(a.starts_at, last_start) << "one a day at most, in order";
      last_start = a.starts_at;
      if (a.requirement) {
        EXPECT_EQ(a.type, "unpaid_work");
        EXPECT_EQ(current.requirements.at(*a.requirement).type, "unpaid_work");
      }
      if (a.starts_at >= as_of) {
        ++ahead;
        EXPECT_EQ(i + 1, p.appointments.size()) << "the one booked ahead is the last";
        EXPECT_TRUE(a.outcomes.empty());
        EXPECT_FALSE(a.rearranged_to);
      }
      if (a.rearranged_to) {
        ASSERT_EQ(*a.rearranged_to, static_cast<int>(i) + 1);
        const GenAppointment& next = p.appointments[i + 1];
        EXPECT_EQ(next.rearranged_from, static_cast<int>(i));
        EXPECT_TRUE(a.outcomes.empty()) << "a rearranged appointment has no outcome";
        appointments::Rearrangement change;
        change.requested_by = a.rearrange_requested_by.value_or("");
        change.reason = a.rearrange_reason.value_or("");
        change.starts_at = next.starts_at;
        EXPECT_TRUE(appointments::CheckRearrangement(AsRecorded(a, 0), change, a.rearranged_at));
        EXPECT_GT(a.rearranged_at, a.booked_at);
        EXPECT_EQ(next.booked_at, a.rearranged_at);
        EXPECT_EQ(next.booked_by, a.rearranged_by);
        EXPECT_LT(next.starts_at, as_of);
      }
      for (size_t k = 0; k < a.outcomes.size(); ++k) {
        const GenOutcome& o = a.outcomes[k];
        EXPECT_LT(o.recorded_at, as_of);
        if (k == 0) {
          EXPECT_TRUE(appointments::CheckOutcome(AsRecorded(a, 0), InputOf(o), o.recorded_at));
          EXPECT_FALSE(o.amendment_reason);
          EXPECT_FALSE(o.instructed_by);
        } else {
          ASSERT_TRUE(o.amendment_reason);
          EXPECT_TRUE(appointments::CheckOutcomeAmendment(AsRecorded(a, k), InputOf(o),
                                                          *o.amendment_reason));
          EXPECT_GT(o.recorded_at, a.outcomes[k - 1].recorded_at);
          if (o.instructed_by) {
            EXPECT_NE(*o.instructed_by, o.recorded_by);
          }
        }
      }
    }
    EXPECT_LE(ahead, 1);
  }
}

// Failures counted once per UK day, as enforcement counts them: unacceptable, on enforceable
// types (all but phone calls), by their current outcome.
int UnacceptableDays(const GenPerson& p) {
  std::set<Date> days;
  for (const auto& a : p.appointments)
    if (!a.outcomes.empty() && a.type != "phone_call" &&
        a.outcomes.back().judgement == "unacceptable")
      days.insert(UkDateOf(a.starts_at));
  return static_cast<int>(days.size());
}

TEST(GenGenerator, AppointmentsAndOutcomesInNationalProportions) {
  const auto& people = FiveThousand().people;
  const int n = static_cast<int>(people.size());
  int appointments = 0, ahead = 0, rearranged = 0, by_person = 0, outcomes = 0, amended = 0,
      instructed = 0, failures = 0, acceptable = 0, unpaid_work = 0, home_visits = 0;
  int two_or_more = 0, licences = 0, licences_three_or_more = 0, awaiting = 0;
  std::map<std::string, int> by_outcome;
  const UtcTime as_of(AsOf());
  for (const auto& p : people) {
    appointments += static_cast<int>(p.appointments.size());
    for (const auto& a : p.appointments) {
      if (a.starts_at >= as_of) ++ahead;
      if (a.rearranged_to) {
        ++rearranged;
        by_person += a.rearrange_requested_by == "person";
      }
      unpaid_work += a.type == "unpaid_work";
      home_visits += a.type == "home_visit";
      if (a.starts_at < as_of && !a.rearranged_to && a.outcomes.empty()) ++awaiting;
      if (a.outcomes.empty()) continue;
      ++outcomes;
      amended += a.outcomes.size() > 1;
      instructed += a.outcomes.back().instructed_by.has_value();
      const GenOutcome& first = a.outcomes.front();
      ++by_outcome[first.outcome];
      if (first.judgement) {
        ++failures;
        acceptable += first.judgement == "acceptable";
      }
    }
    const int days = UnacceptableDays(p);
    two_or_more += days >= 2;
    const std::string& kind = p.sentences.back().sentence.kind;
    if (kind == "licence" || kind == "pss") {
      ++licences;
      licences_three_or_more += days >= 3;
    }
  }
  EXPECT_NEAR(static_cast<double>(appointments) / n, 10, 1.5) << "appointments a person";
  EXPECT_GE(ahead, n * 97 / 100) << "one booked ahead";
  EXPECT_LE(ahead, n);
  ExpectShare(rearranged, appointments, 3, 1.5, "rearranged");
  EXPECT_GT(by_person, rearranged / 4) << "at the person's request or the service's";
  EXPECT_LT(by_person, rearranged * 3 / 4);
  EXPECT_GT(unpaid_work, appointments / 50);
  EXPECT_GT(home_visits, appointments / 20);
  EXPECT_LT(awaiting, appointments / 100) << "a few still awaiting their outcome";
  EXPECT_GT(awaiting, 0);
  ExpectShare(by_outcome["attended_complied"], outcomes, 87, 3, "attended and complied");
  ExpectShare(by_outcome["failed_to_attend"], outcomes, 9, 2, "failed to attend");
  EXPECT_GT(by_outcome["attended_failed_to_comply"], outcomes / 100);
  EXPECT_GT(by_outcome["sent_home"], outcomes / 200);
  ExpectShare(acceptable, failures, 40, 5, "failures judged acceptable");
  ExpectShare(amended, outcomes, 1, 0.6, "outcomes amended");
  EXPECT_GT(instructed, 0) << "some amendments on a manager's instruction";
  ExpectShare(two_or_more, n, 12.5, 3, "sentences with 2+ unacceptable failures");
  ExpectShare(licences_three_or_more, licences, 5, 3.5, "licences with 3+");
  EXPECT_GT(licences_three_or_more, 0);
}

}  // namespace
}  // namespace probity::gen
