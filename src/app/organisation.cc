#include "app/organisation.h"

#include <nlohmann/json.hpp>

#include "org/rules.h"
#include "org/store.h"

namespace probity::app {

namespace {
// FROZEN payloads: these field names are in the hash chain.
nlohmann::json Payload(int64_t id, const org::Region& r) {
  return {{"id", id}, {"code", r.code}, {"name", r.name}};
}
nlohmann::json Payload(int64_t id, const org::Pdu& p) {
  return {{"id", id}, {"code", p.code}, {"name", p.name}, {"region_code", p.region_code}};
}
nlohmann::json Payload(int64_t id, const org::Team& t) {
  return {{"id", id}, {"code", t.code}, {"name", t.name}, {"pdu_code", t.pdu_code}};
}
nlohmann::json Payload(int64_t id, const org::Office& o) {
  return {{"id", id},
          {"code", o.code},
          {"name", o.name},
          {"address", o.address},
          {"pdu_code", o.pdu_code}};
}

// Check, insert, append "<kind>.created" about "<kind>:<code>", commit.
template <class Thing>
Result<int64_t> Create(store::Db& db, const store::Actor& by, const Thing& in, UtcTime now,
                       const std::string& kind) {
  if (auto ok = org::Check(in); !ok) return ok.error();
  auto tx = db.BeginWrite();
  auto id = org::Insert(tx, in);
  if (!id) return id.error();
  const auto payload = Payload(*id, in);
  store::AppendEvent(tx, by, {kind + ":" + in.code, kind + ".created", payload}, now);
  tx.Commit();
  return id;
}
}  // namespace

Result<int64_t> CreateRegion(store::Db& db, const store::Actor& by, const org::Region& in,
                             UtcTime now) {
  return Create(db, by, in, now, "region");
}
Result<int64_t> CreatePdu(store::Db& db, const store::Actor& by, const org::Pdu& in, UtcTime now) {
  return Create(db, by, in, now, "pdu");
}
Result<int64_t> CreateTeam(store::Db& db, const store::Actor& by, const org::Team& in,
                           UtcTime now) {
  return Create(db, by, in, now, "team");
}
Result<int64_t> CreateOffice(store::Db& db, const store::Actor& by, const org::Office& in,
                             UtcTime now) {
  return Create(db, by, in, now, "office");
}

Result<int> RenameTeam(store::Db& db, const store::Actor& by, const std::string& code,
                       const std::string& name, int expected_version, UtcTime now) {
  if (auto s = org::CheckName(name); !s) return s.error();
  auto tx = db.BeginWrite();
  auto version = org::RenameTeam(tx, code, name, expected_version);
  if (!version) return version.error();
  store::AppendEvent(
      tx, by,
      {"team:" + code, "team.renamed", {{"code", code}, {"name", name}, {"version", *version}}},
      now);
  tx.Commit();
  return version;
}

}  // namespace probity::app
