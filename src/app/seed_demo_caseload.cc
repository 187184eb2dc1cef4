#include "app/seed_demo_caseload.h"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "access/model.h"
#include "access/secret.h"
#include "access/store.h"
#include "app/accounts.h"
#include "app/appointments.h"
#include "app/contacts.h"
#include "app/people.h"
#include "app/rooms.h"
#include "app/sentences.h"
#include "app/workload.h"
#include "cases/vocabulary.h"
#include "core/date.h"
#include "core/uk_time.h"
#include "enforcement/model.h"

namespace probity::app {

namespace {

const store::Actor kSeeder{"system:seed-demo", std::nullopt};

// The demo teams, with the share of the caseload each holds (percent).
struct TeamShare {
  const char* code;
  int percent;
};
const TeamShare kTeams[] = {
    {"NE-TYN-A", 30}, {"NE-TYN-B", 20}, {"NE-DUR-A", 20}, {"LDN-CAM-A", 15}, {"LDN-CAM-B", 15},
};

// Staff beyond the demo accounts, in the order they are added: the first five give every team a
// practitioner, so a small caseload still spreads over the organisation.
struct StaffPlan {
  const char* team;
  access::Grade grade;
  int hours;  // contracted, a week
};
constexpr auto kPo = access::Grade::kPo;
constexpr auto kPso = access::Grade::kPso;
constexpr auto kPqip = access::Grade::kPqip;
constexpr auto kSpo = access::Grade::kSpo;
const StaffPlan kExtraStaff[] = {
    {"NE-TYN-A", kPo, 37},    {"NE-DUR-A", kPo, 37},   {"NE-TYN-B", kPo, 37},
    {"LDN-CAM-A", kPo, 37},   {"LDN-CAM-B", kPo, 37},  {"NE-TYN-B", kSpo, 37},
    {"NE-DUR-A", kSpo, 37},   {"LDN-CAM-A", kSpo, 37}, {"LDN-CAM-B", kSpo, 37},
    {"NE-TYN-A", kPo, 30},    {"NE-TYN-B", kPo, 37},   {"NE-DUR-A", kPo, 22},
    {"LDN-CAM-A", kPo, 37},   {"LDN-CAM-B", kPo, 37},  {"NE-TYN-A", kPso, 37},
    {"NE-TYN-B", kPso, 37},   {"NE-DUR-A", kPso, 37},  {"LDN-CAM-A", kPso, 30},
    {"LDN-CAM-B", kPso, 37},  {"NE-TYN-A", kPo, 37},   {"NE-TYN-B", kPo, 22},
    {"NE-DUR-A", kPo, 37},    {"LDN-CAM-A", kPo, 37},  {"LDN-CAM-B", kPo, 30},
    {"NE-TYN-A", kPqip, 37},  {"NE-TYN-B", kPqip, 37}, {"NE-DUR-A", kPqip, 37},
    {"LDN-CAM-A", kPqip, 37}, {"NE-TYN-A", kPo, 37},   {"NE-TYN-B", kPo, 37},
    {"NE-DUR-A", kPo, 37},    {"NE-TYN-A", kPso, 22},  {"LDN-CAM-B", kPso, 37},
    {"NE-TYN-A", kPo, 18},
};

const char* const kMaleNames[] = {
    "Adam",   "Ben",   "Callum", "Craig",  "Daniel", "Darren",  "Dean",    "Gary",
    "Jack",   "Jamie", "Jordan", "Kieran", "Lee",    "Liam",    "Michael", "Mohammed",
    "Nathan", "Paul",  "Ryan",   "Scott",  "Shaun",  "Stephen", "Tyler",   "Wayne",
};
const char* const kFemaleNames[] = {
    "Amy",    "Chantelle", "Chloe",    "Danielle", "Emma",  "Gemma",  "Hannah",
    "Jade",   "Jessica",   "Kayleigh", "Kelly",    "Laura", "Leanne", "Megan",
    "Nicola", "Rebecca",   "Sarah",    "Shannon",  "Zoe",   "Aisha",
};
const char* const kLastNames[] = {
    "Anderson", "Armstrong", "Bell",   "Brown",      "Charlton", "Clarke",   "Dodds",    "Elliott",
    "Fenwick",  "Graham",    "Hall",   "Harrison",   "Hussain",  "Jackson",  "Johnson",  "Kelly",
    "Lambert",  "Milburn",   "Murray", "Nelson",     "Patel",    "Potts",    "Reed",     "Robson",
    "Scott",    "Shepherd",  "Smith",  "Stephenson", "Taylor",   "Thompson", "Turnbull", "Walker",
    "Watson",   "Wilson",    "Young",  "Ahmed",      "Begum",    "Campbell", "Douglas",  "Okonkwo",
};

// Where each PDU's people live, and its courts.
struct Locality {
  const char* team_prefix;
  std::vector<const char*> towns;
  std::vector<const char*> postcodes;
  const char* magistrates;
  const char* crown;
};
const Locality kLocalities[] = {
    {"NE-TYN",
     {"Wallsend", "North Shields", "Whitley Bay", "Killingworth"},
     {"NE28", "NE29", "NE30", "NE26", "NE12"},
     "North Tyneside Magistrates' Court",
     "Newcastle Crown Court"},
    {"NE-DUR",
     {"Durham", "Darlington", "Chester-le-Street", "Peterlee"},
     {"DH1", "DL1", "DL3", "DH3", "SR8"},
     "County Durham and Darlington Magistrates' Court",
     "Durham Crown Court"},
    {"LDN-CAM",
     {"London"},
     {"N7", "N19", "NW1", "NW5", "N1"},
     "Highbury Corner Magistrates' Court",
     "Wood Green Crown Court"},
};
const char* const kStreets[] = {
    "Station Road", "Front Street", "Church Lane", "Victoria Terrace", "Park Avenue",
    "Albert Road",  "Hadrian Way",  "Mill Lane",   "Queen Street",     "Grange Close",
};

struct Offence {
  const char* group;
  const char* text;
};
const Offence kOffences[] = {
    {"violence", "Assault occasioning actual bodily harm"},
    {"violence", "Common assault"},
    {"violence", "Assault of an emergency worker"},
    {"robbery", "Robbery"},
    {"public_order", "Affray"},
    {"burglary_domestic", "Burglary of a dwelling"},
    {"burglary_other", "Burglary of commercial premises"},
    {"theft_non_motor", "Theft from a shop"},
    {"theft_non_motor", "Theft"},
    {"handling_stolen_goods", "Handling stolen goods"},
    {"fraud_forgery", "Fraud by false representation"},
    {"taking_driving_away", "Taking a vehicle without consent"},
    {"drink_driving", "Driving with excess alcohol"},
    {"other_motoring", "Driving while disqualified"},
    {"criminal_damage", "Criminal damage"},
    {"drug_possession_supply", "Possession of a class A drug with intent to supply"},
    {"drug_possession_supply", "Possession of cannabis"},
    {"other_offence", "Breach of a restraining order"},
};

struct RequirementPlan {
  const char* type;
  int min, max, step;
};
const RequirementPlan kRequirementPlans[] = {
    {"rehabilitation_activity", 10, 40, 5},
    {"unpaid_work", 40, 240, 20},
    {"accredited_programme", 19, 26, 7},
    {"curfew", 2, 6, 1},
    {"drug_rehabilitation", 6, 12, 6},
    {"alcohol_treatment", 6, 9, 3},
    {"mental_health_treatment", 6, 12, 6},
    {"alcohol_abstinence", 3, 4, 1},
    {"exclusion", 6, 12, 6},
    {"prohibited_activity", 6, 12, 6},
};

const char* const kStandardLicence =
    "The standard conditions of licence: be of good behaviour and do not commit any offence; "
    "keep in touch with the supervising officer as instructed; receive visits; reside "
    "permanently at an address approved by the supervising officer; undertake only approved "
    "work; do not travel outside the United Kingdom without permission.";
const char* const kAdditionalConditions[] = {
    "Not to contact or associate with the victim, directly or indirectly, without the prior "
    "approval of your supervising officer.",
    "Reside at the approved premises and comply with its rules.",
    "Confine yourself to your approved address between 19:00 and 07:00 daily, electronically "
    "monitored.",
    "Not to enter the exclusion zone shown on the attached map without the prior approval of your "
    "supervising officer.",
    "Attend all appointments arranged with the drug service and submit to drug testing.",
    "Notify your supervising officer of any developing intimate relationship with a woman.",
};
const char* const kBespokeCondition =
    "Not to own or use more than one mobile phone, and give its number to your supervising "
    "officer.";

const char* const kOtherRegistrations[] = {
    "domestic_abuse_perpetrator",
    "self_harm",
    "mental_health_issues",
    "child_concerns",
    "vulnerable",
    "weapons",
    "street_gangs",
    "restraining_order",
    "child_protection",
    "adult_at_risk",
};

// A staff member the caseload can name.
struct Member {
  std::string username;
  int64_t staff_id = 0;
  std::string team;
  bool practitioner = false;
  bool spo = false;
};

// What the plan says about one person before they are registered.
enum class Special { kNone, kRestricted, kExcluded };
struct Slot {
  std::string team;
  std::optional<std::string> officer;  // nullopt: unallocated
  Special special = Special::kNone;
};

Error About(Error e, const std::string& what) {
  e.message = "seed-demo caseload, " + what + ": " + e.message;
  return e;
}

class Seeder {
 public:
  Seeder(store::Db& db, uint64_t seed, UtcTime now)
      : db_(db), rng_(seed), now_(now), today_(DateOf(now)) {}

  Status Run(int people) {
    if (auto s = AddStaff(people); !s) return s;
    const auto slots = Plan(people);
    for (size_t i = 0; i < slots.size(); ++i)
      if (auto s = SeedPerson(slots[i]); !s) return s;
    RecordWeek(db_, now_);  // this week's workloads, as the nightly job would record them
    return Ok();
  }

 private:
  // ---- randomness ----
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }
  template <class T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int>(N) - 1))];
  }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int>(items.size()) - 1))];
  }
  std::string DaysAgo(int days) { return FormatDate(today_ - std::chrono::days{days}); }
  int DaysBetween(Date from, Date to) { return static_cast<int>((to - from).count()); }

  static std::string Lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  // ---- staff ----
  Status AddStaff(int people) {
    {
      auto tx = db_.BeginRead();
      for (const char* username :
           {"demo.po1", "demo.po2", "demo.spo1", "demo.manager1", "demo.enforcement"}) {
        auto found = access::FindAccount(tx, username);
        if (!found)
          return Error::NotFound(
              "no_demo_accounts",
              std::string("seed-demo caseload needs the demo accounts: no ") + username);
        const std::string name = username;
        staff_ids_[name] = found->account.staff_id;
        usernames_.insert(name);
      }
      members_.push_back({"demo.po1", staff_ids_["demo.po1"], "NE-TYN-A", true, false});
      members_.push_back({"demo.po2", staff_ids_["demo.po2"], "NE-DUR-A", true, false});
      members_.push_back({"demo.spo1", staff_ids_["demo.spo1"], "NE-TYN-A", false, true});
    }
    const int extra = std::clamp((people + 11) / 12, 5, static_cast<int>(std::size(kExtraStaff)));
    for (int i = 0; i < extra; ++i) {
      const auto& plan = kExtraStaff[i];
      std::string first, last, username;
      do {
        first = Chance(50) ? Pick(kMaleNames) : Pick(kFemaleNames);
        last = Pick(kLastNames);
        username = Lower(first) + "." + Lower(last);
      } while (!usernames_.insert(username).second);
      access::Staff staff;
      staff.name = first + " " + last;
      staff.grade = plan.grade;
      staff.contracted_minutes = plan.hours * 60;
      staff.team_codes = {plan.team};
      staff.start_date = DaysAgo(Uniform(400, 5000));
      if (plan.grade == kPo && Chance(25)) staff.qualified_on = DaysAgo(Uniform(60, 700));
      const access::Role role =
          plan.grade == kSpo ? access::Role::kSpo : access::Role::kPractitioner;
      auto added = AddUser(db_, kSeeder, {username, staff, role, access::NewSecret()}, now_);
      if (!added && added.error().kind == ErrorKind::kConflict) {
        --i;  // the name is taken already: draw another
        continue;
      }
      if (!added) return About(added.error(), "staff " + username);
      members_.push_back(
          {username, added->staff_id, plan.team, plan.grade != kSpo, plan.grade == kSpo});
      staff_ids_[username] = added->staff_id;
    }
    return Ok();
  }

  std::vector<std::string> Practitioners(const std::string& team, const std::string& but = "") {
    std::vector<std::string> out;
    for (const auto& m : members_)
      if (m.team == team && m.practitioner && m.username != but) out.push_back(m.username);
    return out;
  }
  std::optional<std::string> SpoOf(const std::string& team) {
    for (const auto& m : members_)
      if (m.team == team && m.spo) return m.username;
    return std::nullopt;
  }

  // ---- the plan: which team and officer each person has ----
  std::vector<Slot> Plan(int people) {
    std::vector<int> counts;
    int given = 0;
    for (const auto& t : kTeams) {
      counts.push_back(people * t.percent / 100);
      given += counts.back();
    }
    counts[0] += people - given;
    std::vector<Slot> slots;
    for (size_t t = 0; t < std::size(kTeams); ++t) {
      const std::string team = kTeams[t].code;
      int n = counts[t];
      // The named practitioner of the team, if any: demo.po1 in NE-TYN-A, demo.po2 in NE-DUR-A.
      std::string named = team == "NE-TYN-A" ? "demo.po1" : team == "NE-DUR-A" ? "demo.po2" : "";
      if (team == "NE-TYN-A" && n >= 3) {
        slots.push_back({team, "demo.spo1", Special::kRestricted});
        --n;
      }
      if (team == "NE-DUR-A" && n >= 2) {
        const auto others = Practitioners(team, "demo.po2");
        slots.push_back({team,
                         others.empty() ? std::nullopt : std::optional<std::string>(others[0]),
                         Special::kExcluded});
        --n;
      }
      int unallocated =
          team == "NE-TYN-A" ? (n >= 2 ? std::clamp(people / 80, 1, 5) : 0) : people / 150;
      for (; unallocated > 0 && n > 0; --unallocated, --n) slots.push_back({team, {}, {}});
      if (!named.empty()) {
        for (int k = std::min(20, std::max(1, n * 2 / 5)); k > 0 && n > 0; --k, --n)
          slots.push_back({team, named, {}});
      }
      const auto others = Practitioners(team, named);
      for (int k = 0; n > 0; ++k, --n) {
        if (!others.empty())
          slots.push_back({team, others[static_cast<size_t>(k) % others.size()], {}});
        else if (!named.empty())
          slots.push_back({team, named, {}});
        else
          slots.push_back({team, {}, {}});
      }
    }
    std::shuffle(slots.begin(), slots.end(), rng_);
    return slots;
  }

  // ---- one person ----
  std::string NewCrn() {
    std::string crn;
    do {
      crn = "D" + std::to_string(Uniform(100000, 999999));
    } while (!crns_.insert(crn).second);
    return crn;
  }

  const Locality& LocalityOf(const std::string& team) {
    for (const auto& l : kLocalities)
      if (team.rfind(l.team_prefix, 0) == 0) return l;
    return kLocalities[0];
  }

  store::Actor StaffActor(const std::string& username) {
    return {"staff:" + std::to_string(staff_ids_.at(username)), std::nullopt};
  }

  UtcTime WorkingTime(Date day) {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::sys_days(day) + std::chrono::hours(Uniform(9, 16)) +
        std::chrono::minutes(15 * Uniform(0, 3)));
  }

  Status SeedPerson(const Slot& slot) {
    const Locality& place = LocalityOf(slot.team);
    cases::NewPerson p;
    p.crn = NewCrn();
    const int g = Uniform(1, 100);
    p.gender = g <= 80 ? "male" : g <= 98 ? "female" : "not_stated";
    p.first_name = p.gender == "female" ? Pick(kFemaleNames)
                   : p.gender == "male" ? Pick(kMaleNames)
                                        : (Chance(50) ? Pick(kMaleNames) : Pick(kFemaleNames));
    p.last_name = Pick(kLastNames);
    p.date_of_birth = DaysAgo(365 * Uniform(18, 62) + Uniform(0, 364));
    if (Chance(70)) p.phone = "07700 900" + std::to_string(Uniform(100, 999));
    if (Chance(25)) p.email = Lower(p.first_name) + "." + Lower(p.last_name) + "@example.org";
    p.team_code = slot.team;
    p.iom = Chance(5);
    const std::string what = "person " + p.crn;
    auto registered = RegisterPerson(db_, kSeeder, p, now_);
    if (!registered) return About(registered.error(), what);
    CaseRef ref{registered->person_id, registered->crn, false};
    registered_[slot.team].push_back(ref.crn);

    if (slot.officer) {
      AllocationRequest a;
      a.officer_username = slot.officer;
      a.reason = Chance(80) ? "Allocated at sentence" : "Allocated after a workload review";
      // Read only when the case takes the officer past 100%, as an SPO would have to say.
      a.over_capacity_reason = "No one else in the team has room; reviewed at supervision";
      if (auto r = Allocate(db_, kSeeder, ref, a, now_); !r) return About(r.error(), what);
    }
    if (slot.special == Special::kRestricted) {
      for (const char* who : {"demo.spo1", "demo.manager1"})
        if (auto s = ChangeAccessList(db_, kSeeder, ref, AccessList::kRestriction, who, true,
                                      "High-profile case: access limited to its managers", now_);
            !s)
          return About(s.error(), what);
      ref.restricted = true;
    }
    if (slot.special == Special::kExcluded)
      if (auto s = ChangeAccessList(db_, kSeeder, ref, AccessList::kExclusion, "demo.po2", true,
                                    "Declared a conflict of interest: knows the family", now_);
          !s)
        return About(s.error(), what);

    // Who writes the contacts: the officer, else the team's SPO, else the system.
    std::optional<store::Actor> author;
    if (slot.officer) author = StaffActor(*slot.officer);
    const auto spo = SpoOf(slot.team);
    if (!author && spo) author = StaffActor(*spo);
    const store::Actor writer = author.value_or(kSeeder);

    // The current sentence.
    const int k = Uniform(1, 100);
    cases::NewSentence s;
    s.kind = k <= 45   ? "community_order"
             : k <= 65 ? "suspended_sentence_order"
             : k <= 90 ? "licence"
                       : "pss";
    const Offence& offence = Pick(kOffences);
    s.offence = offence.text;
    s.offence_group = offence.group;
    int days_ago = 0;
    Date supervision_from{};
    if (s.kind == "community_order" || s.kind == "suspended_sentence_order") {
      const bool order = s.kind == "community_order";
      days_ago = Uniform(45, order ? 720 : 600);
      const int months_ago = days_ago / 30;
      s.length_months = std::clamp(
          std::max(12, months_ago + 3 + Uniform(0, 6)), 1,
          order ? cases::kMaxCommunityOrderMonths : cases::kMaxSuspendedSentenceOrderMonths);
      s.court = Chance(80) ? place.magistrates : place.crown;
      s.sentence_date = DaysAgo(days_ago);
      supervision_from = today_ - std::chrono::days{days_ago};
    } else if (s.kind == "licence") {
      days_ago = Uniform(150, 720);
      const Date sentenced = today_ - std::chrono::days{days_ago};
      const Date released = sentenced + std::chrono::days{Uniform(60, days_ago - 30)};
      s.length_months = days_ago / 30 + Uniform(4, 30);
      s.court = place.crown;
      s.sentence_date = FormatDate(sentenced);
      s.release_date = FormatDate(released);
      s.licence_end = FormatDate(AddMonths(sentenced, s.length_months));
      supervision_from = released;
    } else {
      days_ago = Uniform(90, 600);
      const Date sentenced = today_ - std::chrono::days{days_ago};
      const int earliest = std::max(14, days_ago - 330);
      const Date released = sentenced + std::chrono::days{Uniform(earliest, days_ago - 14)};
      s.length_months = Uniform(3, 20);
      s.court = Chance(60) ? place.magistrates : place.crown;
      s.sentence_date = FormatDate(sentenced);
      s.release_date = FormatDate(released);
      supervision_from = released;
    }
    const Date sentenced = today_ - std::chrono::days{days_ago};

    // An earlier order, completed, for some with a short current sentence.
    if (days_ago < 420 && Chance(15))
      if (auto st = EarlierOrder(ref, place, what); !st) return st;

    if (Chance(35)) {
      const Offence& before = Pick(kOffences);
      if (auto r = AddConviction(
              db_, kSeeder, ref,
              {0, DaysAgo(days_ago + Uniform(700, 3000)), before.group, std::string(before.text)},
              now_);
          !r)
        return About(r.error(), what);
    }
    if (auto r = AddConviction(db_, kSeeder, ref, {0, s.sentence_date, s.offence_group, s.offence},
                               now_);
        !r)
      return About(r.error(), what);

    auto sentence = AddSentence(db_, kSeeder, ref, s, now_);
    if (!sentence) return About(sentence.error(), what);
    const int64_t sentence_id = sentence->sentence.id;

    if (cases::TakesRequirements(s.kind)) {
      if (auto st = Requirements(ref, sentence_id, sentenced, writer, what); !st) return st;
    } else {
      if (auto st = LicenceConditions(ref, sentence_id, what); !st) return st;
    }

    if (Chance(95)) {
      cases::Address address;
      address.line1 = std::to_string(Uniform(1, 180)) + " " + Pick(kStreets);
      address.town = Pick(place.towns);
      address.postcode = std::string(Pick(place.postcodes)) + " " + std::to_string(Uniform(1, 9)) +
                         static_cast<char>('A' + Uniform(0, 25)) +
                         static_cast<char>('A' + Uniform(0, 25));
      address.start_date = FormatDate(supervision_from - std::chrono::days{Uniform(0, 900)});
      if (auto r = AddAddress(db_, kSeeder, ref, address, now_); !r) return About(r.error(), what);
    }

    if (auto st = Registrations(ref, offence, sentenced, what); !st) return st;

    {
      std::vector<cases::Need> needs;
      std::set<std::string> chosen;
      const auto areas = cases::NeedAreas();
      const std::string assessed =
          FormatDate(std::min(today_, sentenced + std::chrono::days{Uniform(7, 28)}));
      for (int n = Uniform(3, 6); n > 0; --n) {
        const std::string area(
            areas[static_cast<size_t>(Uniform(0, static_cast<int>(areas.size()) - 1))].code);
        if (!chosen.insert(area).second) continue;
        const int sev = Uniform(1, 100);
        cases::Need need;
        need.need = area;
        need.severity = sev <= 30 ? "none" : sev <= 80 ? "standard" : "severe";
        need.assessed_on = assessed;
        needs.push_back(need);
      }
      if (auto st = RecordNeeds(db_, writer, ref, needs, now_); !st) return About(st.error(), what);
    }

    // Now and then, a keep-apart link with someone already registered in the same team.
    const auto& team_people = registered_[slot.team];
    if (team_people.size() > 1 && Chance(4)) {
      const std::string other =
          team_people[static_cast<size_t>(Uniform(0, static_cast<int>(team_people.size()) - 2))];
      if (auto r =
              LinkKeepApart(db_, kSeeder, ref, other,
                            "Co-defendants: do not book at the same office on the same day", now_);
          !r)
        return About(r.error(), what);
    }

    if (slot.officer)
      if (auto st = Appointments(ref, sentence_id, s.kind, *slot.officer, slot.team,
                                 supervision_from, what);
          !st)
        return st;

    return Contacts(ref, s.kind, sentence_id, supervision_from, writer,
                    spo ? std::optional<store::Actor>(StaffActor(*spo)) : std::nullopt, what);
  }

  // The instant of a UK wall-clock time on `day`.
  static UtcTime UkTime(Date day, int hour, int minute) {
    return *UkLocalToUtc(UtcTime(day) + std::chrono::hours{hour} + std::chrono::minutes{minute});
  }

  // Books at the time asked or, when every room at the office is taken then or someone the
  // person must be kept apart from is there, a little earlier or later that day, or on an earlier
  // day, as a booker would. When only the open-plan booth is free, now and then the officer takes
  // it and says why, so the demo has open-space bookings for the reports.
  static constexpr const char* kBoothReason =
      "Every interview room was in use; seen in the reception booth";
  Result<appointments::Appointment> BookFree(const store::Actor& by, const CaseRef& ref,
                                             appointments::NewAppointment a, UtcTime booked_at) {
    using std::chrono::minutes;
    const UtcTime wanted = a.starts_at;
    Result<appointments::Appointment> booked = BookAppointment(db_, by, ref, a, booked_at);
    if (!booked && booked.error().field == "room_reason" && Chance(25)) {
      a.room_reason = kBoothReason;
      booked = BookAppointment(db_, by, ref, a, booked_at);
      a.room_reason.reset();
    }
    for (const minutes shift : {minutes{90}, minutes{-90}, minutes{180}, minutes{-180},
                                minutes{270}, minutes{-24 * 60}, minutes{-48 * 60}}) {
      if (booked) break;
      const Error& e = booked.error();
      const bool full = e.code == "no_room_free" || e.code == "keep_apart" ||
                        e.field == "room_reason";  // only the open-plan booth is free
      if (!full) break;
      if (wanted + shift <= booked_at) continue;
      a.starts_at = wanted + shift;
      booked = BookAppointment(db_, by, ref, a, booked_at);
    }
    if (!booked && booked.error().field == "room_reason") {
      a.room_reason = kBoothReason;
      booked = BookAppointment(db_, by, ref, a, booked_at);
    }
    return booked;
  }

  // A weekday `days` before (negative: after) today.
  Date Weekday(int days) {
    Date d = today_ - std::chrono::days{days};
    while (std::chrono::weekday(d).iso_encoding() > 5) d += std::chrono::days{days > 0 ? -1 : 1};
    return d;
  }

  // Supervision appointments with the officer at the team's office: a few in the past weeks with
  // their outcomes (each booked a week ahead and recorded after it, at those times), sometimes one
  // from yesterday still awaiting its outcome, and the next one booked. demo.po1's first community
  // sentence old enough has failed the last two weeks without an acceptable reason, so a decision
  // is due on it and the breach pages can be shown with the demo data.
  Status Appointments(const CaseRef& ref, int64_t sentence_id, const std::string& kind,
                      const std::string& officer, const std::string& team, Date supervision_from,
                      const std::string& what) {
    const std::string office = team.starts_with("NE-TYN")   ? "NE-WALL"
                               : team.starts_with("NE-DUR") ? "NE-DURH"
                                                            : "LDN-CAMH";
    const store::Actor by = StaffActor(officer);
    const auto book = [&](UtcTime at, UtcTime booked_at) {
      appointments::NewAppointment a;
      a.type = "supervision";
      a.starts_at = at;
      a.duration_minutes = Chance(70) ? 45 : 60;
      a.office_code = office;
      a.sentence_id = sentence_id;
      return BookFree(by, ref, a, booked_at);
    };
    // The induction, a few days after sentence or release; now and then later than it should be.
    {
      const int after = Chance(90) ? Uniform(1, 4) : Uniform(8, 12);
      const int days_ago = DaysBetween(supervision_from, today_) - after;
      const Date day = Weekday(days_ago);
      if (days_ago > 1 && day > supervision_from) {
        const UtcTime at = UkTime(day, Uniform(9, 15), 0);
        appointments::NewAppointment a;
        a.type = "initial";
        a.starts_at = at;
        a.duration_minutes = 60;
        a.office_code = office;
        a.sentence_id = sentence_id;
        auto booked = BookFree(by, ref, a, UkTime(supervision_from, 9, 0));
        if (!booked) return About(booked.error(), what);
        appointments::OutcomeInput induction{"attended_complied",
                                             {},
                                             {},
                                             "Induction: went through the order, its requirements "
                                             "and what happens if appointments are missed."};
        if (auto r = RecordOutcome(db_, by, ref, booked->id, induction, booked->version,
                                   booked->ends_at() + std::chrono::minutes{15});
            !r)
          return About(r.error(), what);
      }
    }
    const bool decision_due = !po1_decision_due_ && officer == "demo.po1" &&
                              enforcement::TrackOf(kind) == enforcement::Track::kCommunity &&
                              Weekday(14) > supervision_from;
    if (decision_due) po1_decision_due_ = true;
    for (int weeks = 3; weeks >= 1; --weeks) {
      // Spread over the working week, as offices book them.
      const Date day = Weekday(7 * weeks - Uniform(0, 4));
      if (day <= supervision_from) continue;
      const UtcTime at = UkTime(day, Uniform(9, 15), Chance(50) ? 0 : 30);
      auto booked = book(at, at - std::chrono::days{7});
      if (!booked) return About(booked.error(), what);
      appointments::OutcomeInput outcome{"attended_complied", {}, {}, ""};
      const int roll = Uniform(1, 100);
      if (roll <= 8 || (decision_due && weeks <= 2)) {
        outcome = {"failed_to_attend",
                   "unacceptable",
                   {},
                   "Did not attend and has not been in touch. Letter sent asking for an "
                   "explanation."};
      } else if (roll <= 13) {
        outcome = {"failed_to_attend", "acceptable", "illness",
                   "Phoned that morning: unwell. GP note seen at the next appointment."};
      } else {
        outcome.note = Pick(kOfficeNotes);
      }
      if (auto r = RecordOutcome(db_, by, ref, booked->id, outcome, booked->version,
                                 booked->ends_at() + std::chrono::minutes{15});
          !r)
        return About(r.error(), what);
    }
    const Date yesterday = Weekday(1);
    // demo.po1 always has some, so the outcome forms can be shown with the demo data.
    if ((officer == "demo.po1" || Chance(30)) && yesterday > supervision_from) {
      const UtcTime at = UkTime(yesterday, Uniform(10, 15), 0);
      if (auto r = book(at, at - std::chrono::days{7}); !r) return About(r.error(), what);
    }
    const UtcTime next = UkTime(Weekday(-Uniform(1, 12)), Uniform(9, 16), Chance(50) ? 0 : 30);
    if (auto r = book(next, now_); !r) return About(r.error(), what);
    return Ok();
  }

  Status EarlierOrder(const CaseRef& ref, const Locality& place, const std::string& what) {
    const int days_ago = Uniform(600, 720);
    const Offence& offence = Pick(kOffences);
    cases::NewSentence s;
    s.kind = "community_order";
    s.court = place.magistrates;
    s.offence = offence.text;
    s.offence_group = offence.group;
    s.sentence_date = DaysAgo(days_ago);
    s.length_months = Uniform(6, 9);
    auto sentence = AddSentence(db_, kSeeder, ref, s, now_);
    if (!sentence) return About(sentence.error(), what);
    const Date sentenced = today_ - std::chrono::days{days_ago};
    // Its requirement ends with it (reason sentence_ended), as terminating an order does.
    cases::NewRequirement rar{"rehabilitation_activity", 5 * Uniform(2, 6), FormatDate(sentenced)};
    auto requirement = AddRequirement(db_, kSeeder, ref, sentence->sentence.id, rar, now_);
    if (!requirement) return About(requirement.error(), what);
    auto ended = TerminateSentence(db_, kSeeder, ref, sentence->sentence.id,
                                   FormatDate(AddMonths(sentenced, s.length_months)), "completed",
                                   sentence->sentence.version, now_);
    if (!ended) return About(ended.error(), what);
    return Ok();
  }

  Status Requirements(const CaseRef& ref, int64_t sentence_id, Date sentenced,
                      const store::Actor& writer, const std::string& what) {
    std::set<std::string> chosen;
    for (int n = Uniform(1, 3); n > 0; --n) {
      const auto& plan = Pick(kRequirementPlans);
      if (!chosen.insert(plan.type).second) continue;
      cases::NewRequirement r;
      r.type = plan.type;
      r.amount = plan.min + plan.step * Uniform(0, (plan.max - plan.min) / plan.step);
      const Date start = std::min(today_, sentenced + std::chrono::days{Uniform(0, 14)});
      r.start_date = FormatDate(start);
      auto added = AddRequirement(db_, kSeeder, ref, sentence_id, r, now_);
      if (!added) return About(added.error(), what);
      if (added->unit == "months") continue;  // durations run by themselves
      // Progress in proportion to the time gone by, give or take.
      const int elapsed = DaysBetween(start, today_);
      const int share = std::min(100, elapsed * Uniform(30, 110) / 365);
      const int progress = std::min(r.amount, r.amount * share / 100);
      if (progress <= 0) continue;
      auto progressed =
          RecordRequirementProgress(db_, writer, ref, added->id, progress, added->version, now_);
      if (!progressed) return About(progressed.error(), what);
    }
    return Ok();
  }

  Status LicenceConditions(const CaseRef& ref, int64_t sentence_id, const std::string& what) {
    std::vector<cases::NewLicenceCondition> conditions = {{"standard", kStandardLicence, {}}};
    std::set<const char*> chosen;
    for (int n = Uniform(1, 3); n > 0; --n) {
      const char* text = Pick(kAdditionalConditions);
      if (chosen.insert(text).second) conditions.push_back({"additional", text, {}});
    }
    if (Chance(10)) conditions.push_back({"bespoke", kBespokeCondition, {}});
    for (const auto& c : conditions)
      if (auto r = AddLicenceCondition(db_, kSeeder, ref, sentence_id, c, now_); !r)
        return About(r.error(), what);
    return Ok();
  }

  Status Registrations(const CaseRef& ref, const Offence& offence, Date sentenced,
                       const std::string& what) {
    auto start = [&] {
      return FormatDate(std::min(today_, sentenced + std::chrono::days{Uniform(0, 30)}));
    };
    std::vector<cases::Registration> registrations;
    if (Chance(90)) {
      cases::Registration rosh;
      rosh.type = "rosh";
      const int l = Uniform(1, 100);
      rosh.level = l <= 40 ? "low" : l <= 85 ? "medium" : l <= 98 ? "high" : "very_high";
      rosh.start_date = start();
      registrations.push_back(rosh);
    }
    if (std::string_view(offence.group) == "violence" && Chance(8)) {
      cases::Registration mappa;
      mappa.type = "mappa";
      mappa.level = "1";
      mappa.category = "2";
      mappa.start_date = start();
      registrations.push_back(mappa);
    }
    if (Chance(35)) {
      cases::Registration other;
      other.type = Pick(kOtherRegistrations);
      if (Chance(50)) other.notes = "Flagged at pre-sentence report; see the assessment.";
      other.start_date = start();
      registrations.push_back(other);
    }
    for (auto& r : registrations)
      if (auto added = AddRegistration(db_, kSeeder, ref, r, now_); !added)
        return About(added.error(), what);
    return Ok();
  }

  Status Contacts(const CaseRef& ref, const std::string& kind, int64_t sentence_id, Date from,
                  const store::Actor& writer, const std::optional<store::Actor>& spo,
                  const std::string& what) {
    const Date last = today_ - std::chrono::days{1};
    const int span = std::max(0, DaysBetween(from, last));
    const int n = Uniform(8, 12);
    std::vector<int> days;
    for (int i = 0; i < n; ++i) days.push_back(Uniform(1, std::max(1, span)));
    std::sort(days.begin(), days.end());
    const bool licence = kind == "licence" || kind == "pss";
    for (int i = 0; i < n; ++i) {
      const Date day = std::min(last, from + std::chrono::days{days[static_cast<size_t>(i)]});
      cases::NewContact c;
      c.at = WorkingTime(day);
      c.sentence_id = sentence_id;
      store::Actor by = writer;
      if (i == 0) {
        c.type = "office_visit";
        c.note = licence ? "Post-release induction: went through the licence conditions, recall "
                           "and reporting instructions. Address confirmed."
                         : "Induction: explained the order, its requirements and what happens on "
                           "a failure to comply. Agreed first sentence plan objectives.";
      } else {
        const int t = Uniform(1, 100);
        if (t <= 38) {
          c.type = "office_visit";
          c.note = Pick(kOfficeNotes);
        } else if (t <= 58) {
          c.type = "phone_call";
          c.note = Pick(kPhoneNotes);
        } else if (t <= 68) {
          c.type = "home_visit";
          c.note = Pick(kHomeNotes);
        } else if (t <= 76) {
          c.type = "text_message";
          c.note = "Reminder of next appointment sent.";
        } else if (t <= 80) {
          c.type = "email";
          c.note = "Emailed confirmation of the next appointment and the programme timetable.";
        } else if (t <= 84) {
          c.type = "partnership_contact";
          c.note = Pick(kPartnerNotes);
        } else if (t <= 88 && spo) {
          c.type = "management_oversight";
          c.note =
              "Case reviewed in supervision. Risk assessment current; plan proportionate. "
              "Continue at the present reporting frequency.";
          by = *spo;
        } else {
          c.type = "case_note";
          c.note = Pick(kCaseNotes);
        }
      }
      if (auto r = RecordContact(db_, by, ref, c, now_); !r) return About(r.error(), what);
    }
    return Ok();
  }

  static constexpr const char* kOfficeNotes[] = {
      "Reported on time. Discussed progress with the sentence plan; no concerns raised.",
      "Reported. Worked through a session on consequential thinking. Engaged well.",
      "Reported late, apologetic: bus cancelled. Discussed finances and a referral for debt "
      "advice.",
      "Reported. Says accommodation is stable; looking for work through the job centre.",
      "Reported. Reviewed the risk management plan; no change to the level of risk.",
  };
  static constexpr const char* kPhoneNotes[] = {
      "Called to rearrange Thursday's appointment for a medical appointment: evidence to follow.",
      "Welfare call. Sounded settled; reminded of next appointment.",
      "Called the person: no answer. Voicemail left asking them to call back today.",
      "Returned call. Confirmed start date for unpaid work placement.",
  };
  static constexpr const char* kHomeNotes[] = {
      "Home visit: seen at the address, property in good order. Partner present.",
      "Home visit: no reply. Card left asking them to make contact.",
      "Home visit with police colleague: address checked, no concerns.",
  };
  static constexpr const char* kPartnerNotes[] = {
      "Spoke to the drug service key worker: attending appointments, tests negative.",
      "Police intelligence check: nothing new recorded.",
      "Spoke to the housing officer about the tenancy; rent arrears plan agreed.",
  };
  static constexpr const char* kCaseNotes[] = {
      "Updated the sentence plan after the last appointment.",
      "Checked unpaid work hours with the placement supervisor: on track.",
      "Read the pre-sentence report and previous records ahead of the next appointment.",
  };

  store::Db& db_;
  std::mt19937_64 rng_;
  UtcTime now_;
  Date today_;
  std::vector<Member> members_;
  std::map<std::string, int64_t> staff_ids_;
  std::set<std::string> usernames_;
  std::set<std::string> crns_;
  std::map<std::string, std::vector<std::string>> registered_;
  bool po1_decision_due_ = false;  // demo.po1 has a community sentence awaiting a decision
};

bool AnyoneRegistered(store::Db& db) {
  auto tx = db.BeginRead();
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM person", soci::into(n);
  return n > 0;
}

}  // namespace

Status SeedDemoCaseload(store::Db& db, int people, uint64_t seed, UtcTime now) {
  if (people <= 0 || AnyoneRegistered(db)) return Ok();
  return Seeder(db, seed, now).Run(people);
}

}  // namespace probity::app
