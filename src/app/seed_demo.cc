#include "app/seed_demo.h"

#include "app/organisation.h"
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
  if (!demo_password.empty() && demo_password.size() < 12)
    return Error::Invalid("weak_password", "the demo password must be at least 12 characters",
                          "demo-password");
  SeedReport report;
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
  return report;
}

}  // namespace probity::app
