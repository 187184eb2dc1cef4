#include "gen/generator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "access/rules.h"
#include "cases/rules.h"
#include "cases/vocabulary.h"
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

}  // namespace
}  // namespace probity::gen
