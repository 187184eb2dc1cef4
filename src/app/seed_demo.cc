#include "app/seed_demo.h"

#include <tuple>

#include "access/password.h"
#include "access/secret.h"
#include "app/accounts.h"
#include "app/organisation.h"
#include "app/rooms.h"
#include "org/store.h"

namespace probity::app {

namespace {
const store::Actor kSeeder{"system:seed-demo", std::nullopt};

// A small, plausible organisation: two regions, their PDUs, teams and offices.
const org::Region kRegions[] = {
    {0, "NE", "North East", 1},
    {0, "LDN", "London", 1},
};
const org::Pdu kPdus[] = {
    {0, "NE-TYN", "North Tyneside", "NE", 1},
    {0, "NE-DUR", "County Durham and Darlington", "NE", 1},
    {0, "LDN-CAM", "Camden and Islington", "LDN", 1},
};
const org::Team kTeams[] = {
    {0, "NE-TYN-A", "North Tyneside Team A", "NE-TYN", 1},
    {0, "NE-TYN-B", "North Tyneside Team B", "NE-TYN", 1},
    {0, "NE-DUR-A", "Durham Team A", "NE-DUR", 1},
    {0, "LDN-CAM-A", "Camden Team A", "LDN-CAM", 1},
    {0, "LDN-CAM-B", "Islington Team B", "LDN-CAM", 1},
};
const org::Office kOffices[] = {
    {0, "NE-WALL", "Wallsend Probation Office", "Hadrian Road, Wallsend NE28 6HH", "NE-TYN", 1},
    {0, "NE-DURH", "Durham Probation Office", "Green Lane, Durham DH1 3JZ", "NE-DUR", 1},
    {0, "LDN-CAMH", "Camden Probation Office", "Kentish Town Road, London NW5 2AA", "LDN-CAM", 1},
};

struct DemoAccount {
  const char* username;
  const char* name;
  access::Grade grade;
  access::Role role;
  std::vector<std::string> teams;
  const char* qualified_on;
};

// The accounts README.md lists: one team of the first PDU holds a practitioner, their SPO and
// the enforcement administrator; the senior manager covers both teams of that PDU.
const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> accounts = {
      {"demo.po1",
       "Priya Okafor",
       access::Grade::kPo,
       access::Role::kPractitioner,
       {"NE-TYN-A"},
       "2021-07-01"},
      {"demo.po2",
       "Tom Hedley",
       access::Grade::kPo,
       access::Role::kPractitioner,
       {"NE-DUR-A"},
       "2019-09-01"},
      {"demo.spo1", "Sandra Price", access::Grade::kSpo, access::Role::kSpo, {"NE-TYN-A"}, nullptr},
      {"demo.manager1",
       "Martin Reid",
       access::Grade::kSeniorManager,
       access::Role::kSeniorManager,
       {"NE-TYN-A", "NE-TYN-B"},
       nullptr},
      {"demo.enforcement",
       "Erin Walsh",
       access::Grade::kAdministrative,
       access::Role::kEnforcementAdmin,
       {"NE-TYN-A"},
       nullptr},
      {"demo.admin",
       "Alex Morgan",
       access::Grade::kAdministrative,
       access::Role::kAdministrator,
       {},
       nullptr},
  };
  return accounts;
}

template <class Thing, size_t N, class Fn>
Status CreateAll(const Thing (&things)[N], int& count, Fn create) {
  for (const auto& t : things) {
    auto id = create(t);
    if (!id) return id.error();
    ++count;
  }
  return Ok();
}
}  // namespace

Result<SeedReport> SeedDemo(store::Db& db, const std::string& demo_password, UtcTime now) {
  SeedReport report;
  std::string password = demo_password;
  if (password.empty()) {
    password = access::NewSecret();
    report.generated_password = password;
  }
  if (auto s = access::CheckPasswordPolicy(password); !s) {
    Error e = s.error();
    e.message = "--demo-password: " + e.message;
    e.field = "demo-password";
    return e;
  }
  {
    auto tx = db.BeginRead();
    if (org::CountRegions(tx) > 0) {
      report.already_seeded = true;
      return report;
    }
  }
  if (auto s = CreateAll(kRegions, report.regions,
                         [&](const auto& r) { return CreateRegion(db, kSeeder, r, now); });
      !s)
    return s.error();
  if (auto s = CreateAll(kPdus, report.pdus,
                         [&](const auto& p) { return CreatePdu(db, kSeeder, p, now); });
      !s)
    return s.error();
  if (auto s = CreateAll(kTeams, report.teams,
                         [&](const auto& t) { return CreateTeam(db, kSeeder, t, now); });
      !s)
    return s.error();
  if (auto s = CreateAll(kOffices, report.offices,
                         [&](const auto& o) { return CreateOffice(db, kSeeder, o, now); });
      !s)
    return s.error();
  // Each office: six private interview rooms (two step-free with a hearing loop), a shared group
  // room and an open-plan booth in reception, open 08:00 to 20:00 on weekdays (evenings for
  // people in work); the group room on Saturday mornings too.
  for (const auto& office : kOffices) {
    for (int n = 1; n <= 8; ++n) {
      rooms::Room room;
      room.hours = {8 * 60, 20 * 60, 0b0011111};
      if (n <= 6) {
        room.name = "Interview room " + std::to_string(n);
        room.privacy = "private";
        room.capacity = 3;
        if (n <= 2) room.accessibility = {"step_free", "hearing_loop", "accessible_toilet"};
      } else if (n == 7) {
        room.name = "Group room";
        room.privacy = "shared";
        room.capacity = 12;
        room.accessibility = {"step_free", "wide_door"};
        room.hours.days = 0b0111111;
      } else {
        room.name = "Reception booth";
        room.privacy = "open_plan";
        room.capacity = 2;
        room.accessibility = {"step_free"};
      }
      if (auto made = CreateRoom(db, kSeeder, office.code, room, now); !made) return made.error();
      ++report.rooms;
    }
  }
  for (const auto& a : DemoAccounts()) {
    access::Staff staff;
    staff.name = a.name;
    staff.grade = a.grade;
    staff.team_codes = a.teams;
    staff.start_date = "2019-04-01";
    if (a.qualified_on) staff.qualified_on = a.qualified_on;
    auto added = AddUser(db, kSeeder, {a.username, staff, a.role, password}, now);
    if (!added) return added.error();
    report.usernames.push_back(a.username);
  }
  return report;
}

}  // namespace probity::app
