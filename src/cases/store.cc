#include "cases/store.h"

#include <soci/soci.h>

#include <map>

#include "cases/sentence_store.h"
#include "store/bind.h"
#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::cases {

const char* const kVisibleTo =
    "(p.limited = 0 OR (NOT EXISTS (SELECT 1 FROM case_exclusion e WHERE e.person_id = p.id AND "
    "e.staff_id = :viewer) AND (NOT EXISTS (SELECT 1 FROM case_restriction r WHERE r.person_id = "
    "p.id) OR EXISTS (SELECT 1 FROM case_restriction r WHERE r.person_id = p.id AND r.staff_id = "
    ":viewer2))))";

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

UtcTime Instant(const soci::row& r, size_t column) {
  return ParseUtc(GetText(r, column)).value_or(UtcTime{});
}

constexpr const char* kPersonColumns =
    "p.id, p.crn, p.first_name, p.last_name, p.date_of_birth, p.gender, p.phone, p.email, "
    "p.team_id, t.code, t.pdu_id, p.officer_staff_id, s.name, p.iom, p.limited, p.tier, "
    "p.created_at, p.version";

Person ReadPerson(const soci::row& r) {
  Person p;
  p.id = GetInt(r, 0);
  p.crn = GetText(r, 1);
  p.first_name = GetText(r, 2);
  p.last_name = GetText(r, 3);
  p.date_of_birth = GetText(r, 4);
  p.gender = GetText(r, 5);
  p.phone = GetOptionalText(r, 6);
  p.email = GetOptionalText(r, 7);
  p.team_id = GetInt(r, 8);
  p.team_code = GetText(r, 9);
  p.pdu_id = GetInt(r, 10);
  p.officer_staff_id = GetOptionalInt(r, 11);
  p.officer_name = GetOptionalText(r, 12);
  p.iom = GetInt(r, 13) != 0;
  p.limited = GetInt(r, 14) != 0;
  p.tier = GetOptionalText(r, 15);
  p.created_at = Instant(r, 16);
  p.version = static_cast<int>(GetInt(r, 17));
  return p;
}

std::vector<AccessListEntry> LoadAccessList(store::Transaction& tx, const char* table,
                                            int64_t person_id) {
  const long long id = person_id;
  std::vector<AccessListEntry> out;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT l.staff_id, s.name, l.reason, l.added_by, l.added_at FROM "
                        << table
                        << " l JOIN staff s ON s.id = l.staff_id WHERE l.person_id = :p ORDER BY "
                           "s.name, l.staff_id",
       soci::use(id));
  for (const auto& r : rows)
    out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetText(r, 3), Instant(r, 4)});
  return out;
}

void RefreshLimited(store::Transaction& tx, int64_t person_id) {
  const long long id = person_id;
  tx.sql() << "UPDATE person SET limited = CASE WHEN EXISTS (SELECT 1 FROM case_exclusion WHERE "
              "person_id = :a) OR EXISTS (SELECT 1 FROM case_restriction WHERE person_id = :b) "
              "THEN 1 ELSE 0 END WHERE id = :c",
      soci::use(id), soci::use(id), soci::use(id);
}

bool AddToList(store::Transaction& tx, const char* table, int64_t person_id, int64_t staff_id,
               const std::string& reason, const std::string& by, UtcTime now) {
  const long long person = person_id, staff = staff_id;
  int present = 0;
  tx.sql() << "SELECT COUNT(*) FROM " << table << " WHERE person_id = :p AND staff_id = :s",
      soci::use(person), soci::use(staff), soci::into(present);
  if (present) return false;
  const std::string at = FormatUtc(now);
  tx.sql() << "INSERT INTO " << table
           << " (person_id, staff_id, reason, added_by, added_at) VALUES (:p, :s, :r, :b, :t)",
      soci::use(person), soci::use(staff), soci::use(reason), soci::use(by), soci::use(at);
  RefreshLimited(tx, person_id);
  return true;
}

bool RemoveFromList(store::Transaction& tx, const char* table, int64_t person_id,
                    int64_t staff_id) {
  const long long person = person_id, staff = staff_id;
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM " << table << " WHERE person_id = :p AND staff_id = :s",
       soci::use(person), soci::use(staff));
  st.execute(true);
  const bool removed = st.get_affected_rows() > 0;
  if (removed) RefreshLimited(tx, person_id);
  return removed;
}
}  // namespace

Result<int64_t> InsertPerson(store::Transaction& tx, const NewPerson& in, UtcTime now) {
  long long team_id = 0;
  tx.sql() << "SELECT id FROM team WHERE code = :c", soci::use(in.team_code), soci::into(team_id);
  if (!tx.sql().got_data())
    return Error{ErrorKind::kNotFound, "unknown_team", "there is no team with code " + in.team_code,
                 "team_code"};
  store::NullableText phone(in.phone), email(in.email);
  const int iom = in.iom ? 1 : 0;
  const std::string at = FormatUtc(now);
  try {
    long long id = 0;
    tx.sql() << "INSERT INTO person (crn, first_name, last_name, date_of_birth, gender, phone, "
                "email, team_id, iom, created_at) VALUES (:crn, :f, :l, :d, :g, :ph, :em, :t, "
                ":iom, :at) RETURNING id",
        soci::use(in.crn), soci::use(in.first_name), soci::use(in.last_name),
        soci::use(in.date_of_birth), soci::use(in.gender), store::Use(phone), store::Use(email),
        soci::use(team_id), soci::use(iom), soci::use(at), soci::into(id);
    return static_cast<int64_t>(id);
  } catch (const soci::soci_error& e) {
    if (!store::dialect::IsUniqueViolation(e)) throw;
    return Error{ErrorKind::kConflict, "crn_taken",
                 "a person with CRN " + in.crn +
                     " is already "
                     "registered",
                 "crn"};
  }
}

std::optional<Person> FindPerson(store::Transaction& tx, const std::string& crn) {
  std::optional<Person> person;
  store::Rows(tx).Use(crn).Read(
      std::string("SELECT ") + kPersonColumns +
          " FROM person p JOIN team t ON t.id = p.team_id LEFT JOIN staff s ON s.id = "
          "p.officer_staff_id WHERE p.crn = :crn",
      [&](const soci::row& r) { person = ReadPerson(r); });
  return person;
}

Result<int> UpdatePerson(store::Transaction& tx, int64_t person_id, const PersonChange& c,
                         int expected_version) {
  const long long id = person_id;
  int current = 0;
  tx.sql() << "SELECT version FROM person WHERE id = :id", soci::use(id), soci::into(current);
  if (!tx.sql().got_data()) return Error::NotFound("not_found", "there is no such person");
  if (current != expected_version)
    return Error::Conflict("stale_version",
                           "this record was changed by someone else (now version " +
                               std::to_string(current) + ", you had " +
                               std::to_string(expected_version) +
                               "): reload it to see what changed, then make your change again");
  // COALESCE keeps a field nobody named; the flags say whether a clearable field was named.
  store::NullableText first(c.first_name), last(c.last_name), birth(c.date_of_birth),
      gender(c.gender);
  store::NullableText phone(c.phone ? *c.phone : std::nullopt),
      email(c.email ? *c.email : std::nullopt);
  const int set_phone = c.phone ? 1 : 0, set_email = c.email ? 1 : 0;
  store::Nullable<int> iom(c.iom ? std::optional<int>(*c.iom ? 1 : 0) : std::nullopt);
  const int next = expected_version + 1;
  soci::statement st =
      (tx.sql().prepare
           << "UPDATE person SET first_name = COALESCE(:f, first_name), last_name = "
              "COALESCE(:l, last_name), date_of_birth = COALESCE(:d, date_of_birth), gender = "
              "COALESCE(:g, gender), phone = CASE WHEN :sp = 1 THEN :ph ELSE phone END, email = "
              "CASE WHEN :se = 1 THEN :em ELSE email END, iom = COALESCE(:iom, iom), version = "
              ":next WHERE id = :id AND version = :v",
       store::Use(first), store::Use(last), store::Use(birth), store::Use(gender),
       soci::use(set_phone), store::Use(phone), soci::use(set_email), store::Use(email),
       store::Use(iom), soci::use(next), soci::use(id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error::Conflict("stale_version", "this record was changed by someone else");
  return next;
}

std::optional<CaseAccessRecord> LoadCaseAccess(store::Transaction& tx, const std::string& crn) {
  long long id = 0, team_id = 0, pdu_id = 0;
  int limited = 0, recall_sent = 0;
  tx.sql() << "SELECT p.id, p.team_id, t.pdu_id, p.limited, CASE WHEN EXISTS (SELECT 1 FROM recall "
              "r WHERE r.person_id = p.id AND r.sent_on IS NOT NULL) THEN 1 ELSE 0 END FROM person "
              "p JOIN team t ON t.id = p.team_id WHERE p.crn = :crn",
      soci::use(crn), soci::into(id), soci::into(team_id), soci::into(pdu_id), soci::into(limited),
      soci::into(recall_sent);
  if (!tx.sql().got_data()) return std::nullopt;
  CaseAccessRecord out{id, crn, {team_id, pdu_id, {}, {}, recall_sent != 0}};
  if (limited) {
    for (const auto& e : LoadAccessList(tx, "case_exclusion", id))
      out.access.excluded_staff.push_back(e.staff_id);
    for (const auto& e : LoadAccessList(tx, "case_restriction", id))
      out.access.restricted_to.push_back(e.staff_id);
  }
  return out;
}

int64_t InsertAlias(store::Transaction& tx, int64_t person_id, const Alias& a) {
  const long long person = person_id;
  store::NullableText birth(a.date_of_birth);
  const std::string at = FormatUtc(a.added_at);
  long long id = 0;
  tx.sql() << "INSERT INTO person_alias (person_id, first_name, last_name, date_of_birth, "
              "added_by, added_at) VALUES (:p, :f, :l, :d, :b, :t) RETURNING id",
      soci::use(person), soci::use(a.first_name), soci::use(a.last_name), store::Use(birth),
      soci::use(a.added_by), soci::use(at), soci::into(id);
  return id;
}

int64_t InsertAddress(store::Transaction& tx, int64_t person_id, const Address& a) {
  const long long person = person_id;
  if (a.status == "main")
    tx.sql() << "UPDATE person_address SET status = 'previous', end_date = :d WHERE person_id = "
                ":p AND status = 'main' AND end_date IS NULL",
        soci::use(a.start_date), soci::use(person);
  store::NullableText line2(a.line2), end(a.end_date);
  const std::string at = FormatUtc(a.added_at);
  long long id = 0;
  tx.sql() << "INSERT INTO person_address (person_id, status, line1, line2, town, postcode, "
              "start_date, end_date, added_by, added_at) VALUES (:p, :s, :l1, :l2, :town, :pc, "
              ":sd, :ed, :b, :t) RETURNING id",
      soci::use(person), soci::use(a.status), soci::use(a.line1), store::Use(line2),
      soci::use(a.town), soci::use(a.postcode), soci::use(a.start_date), store::Use(end),
      soci::use(a.added_by), soci::use(at), soci::into(id);
  return id;
}

int64_t InsertNeed(store::Transaction& tx, int64_t person_id, const Need& n) {
  const long long person = person_id;
  const std::string at = FormatUtc(n.added_at);
  long long id = 0;
  tx.sql() << "INSERT INTO person_need (person_id, need, severity, assessed_on, added_by, "
              "added_at) VALUES (:p, :n, :s, :d, :b, :t) RETURNING id",
      soci::use(person), soci::use(n.need), soci::use(n.severity), soci::use(n.assessed_on),
      soci::use(n.added_by), soci::use(at), soci::into(id);
  return id;
}

int64_t InsertRegistration(store::Transaction& tx, int64_t person_id, const Registration& r) {
  const long long person = person_id;
  store::NullableText level(r.level), category(r.category), notes(r.notes);
  const std::string at = FormatUtc(r.added_at);
  long long id = 0;
  tx.sql() << "INSERT INTO registration (person_id, type, level, category, notes, start_date, "
              "added_by, added_by_name, added_at) VALUES (:p, :ty, :l, :c, :n, :sd, :b, :bn, :t) "
              "RETURNING id",
      soci::use(person), soci::use(r.type), store::Use(level), store::Use(category),
      store::Use(notes), soci::use(r.start_date), soci::use(r.added_by), soci::use(r.added_by_name),
      soci::use(at), soci::into(id);
  return id;
}

namespace {
constexpr const char* kRegistrationColumns =
    "r.id, r.type, r.level, r.category, r.notes, r.start_date, r.end_date, r.end_reason, "
    "r.added_by, r.added_at, r.ended_by, r.version, r.added_by_name";

Registration ReadRegistration(const soci::row& row) {
  Registration r;
  r.id = GetInt(row, 0);
  r.type = GetText(row, 1);
  r.level = GetOptionalText(row, 2);
  r.category = GetOptionalText(row, 3);
  r.notes = GetOptionalText(row, 4);
  r.start_date = GetText(row, 5);
  r.end_date = GetOptionalText(row, 6);
  r.end_reason = GetOptionalText(row, 7);
  r.added_by = GetText(row, 8);
  r.added_at = Instant(row, 9);
  r.ended_by = GetOptionalText(row, 10);
  r.version = static_cast<int>(GetInt(row, 11));
  r.added_by_name = GetText(row, 12);
  return r;
}
}  // namespace

std::optional<Registration> FindRegistration(store::Transaction& tx, int64_t person_id,
                                             int64_t registration_id) {
  const long long person = person_id, id = registration_id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kRegistrationColumns
                        << " FROM registration r WHERE r.id = :id AND r.person_id = :p",
       soci::use(id), soci::use(person));
  for (const auto& row : rows) return ReadRegistration(row);
  return std::nullopt;
}

Result<int> EndRegistration(store::Transaction& tx, int64_t person_id, int64_t registration_id,
                            const std::string& end_date, const std::string& reason,
                            const std::string& ended_by, int expected_version) {
  auto current = FindRegistration(tx, person_id, registration_id);
  if (!current)
    return Error{ErrorKind::kNotFound, "unknown_registration",
                 "this person has no registration " + std::to_string(registration_id), "id"};
  if (!current->active())
    return Error::Conflict("already_ended", "the registration ended on " + *current->end_date);
  if (current->version != expected_version)
    return Error::Conflict("stale_version",
                           "the registration was changed by someone else (now "
                           "version " +
                               std::to_string(current->version) + ")");
  const long long id = registration_id;
  const int next = expected_version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE registration SET end_date = :d, end_reason = :r, ended_by = "
                           ":b, version = :n WHERE id = :id AND version = :v",
       soci::use(end_date), soci::use(reason), soci::use(ended_by), soci::use(next), soci::use(id),
       soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error::Conflict("stale_version", "the registration was changed by someone else");
  return next;
}

Result<int64_t> InsertKeepApart(store::Transaction& tx, int64_t person_id, int64_t other_id,
                                const std::string& reason, const std::string& added_by,
                                UtcTime now) {
  const long long a = std::min(person_id, other_id), b = std::max(person_id, other_id);
  int existing = 0;
  tx.sql() << "SELECT COUNT(*) FROM keep_apart WHERE person_a = :a AND person_b = :b AND "
              "ended_at IS NULL",
      soci::use(a), soci::use(b), soci::into(existing);
  if (existing) return Error::Conflict("already_linked", "these two people are already kept apart");
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO keep_apart (person_a, person_b, reason, added_by, added_at) VALUES "
              "(:a, :b, :r, :by, :t) RETURNING id",
      soci::use(a), soci::use(b), soci::use(reason), soci::use(added_by), soci::use(at),
      soci::into(id);
  return static_cast<int64_t>(id);
}

int64_t InsertConviction(store::Transaction& tx, int64_t person_id, const Conviction& c,
                         const std::string& added_by, UtcTime now) {
  const long long person = person_id;
  store::NullableText offence(c.offence);
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO conviction (person_id, conviction_date, offence_group, offence, "
              "added_by, added_at) VALUES (:p, :d, :g, :o, :b, :t) RETURNING id",
      soci::use(person), soci::use(c.conviction_date), soci::use(c.offence_group),
      store::Use(offence), soci::use(added_by), soci::use(at), soci::into(id);
  return id;
}

int64_t InsertAllocation(store::Transaction& tx, int64_t person_id, int64_t team_id,
                         std::optional<int64_t> staff_id, const std::string& allocated_by,
                         const std::string& reason, UtcTime now) {
  const long long person = person_id, team = team_id;
  auto staff = store::NullableIdOf(staff_id);
  const std::string at = FormatUtc(now);
  long long id = 0;
  tx.sql() << "INSERT INTO allocation (person_id, team_id, staff_id, from_at, allocated_by, "
              "reason) VALUES (:p, :t, :s, :at, :by, :r) RETURNING id",
      soci::use(person), soci::use(team), store::Use(staff), soci::use(at), soci::use(allocated_by),
      soci::use(reason), soci::into(id);
  tx.sql() << "UPDATE person SET team_id = :t, officer_staff_id = :s WHERE id = :p",
      soci::use(team), store::Use(staff), soci::use(person);
  return id;
}

std::vector<int64_t> TeamsOfStaff(store::Transaction& tx, int64_t staff_id) {
  const long long staff = staff_id;
  std::vector<int64_t> out;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT team_id FROM staff_team WHERE staff_id = :s ORDER BY team_id",
       soci::use(staff));
  for (const auto& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

std::optional<int64_t> TeamIdOf(store::Transaction& tx, const std::string& team_code) {
  long long id = 0;
  tx.sql() << "SELECT id FROM team WHERE code = :c", soci::use(team_code), soci::into(id);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::optional<access::UnitAccess> FindTeamUnit(store::Transaction& tx,
                                               const std::string& team_code) {
  long long id = 0, pdu = 0;
  tx.sql() << "SELECT id, pdu_id FROM team WHERE code = :c", soci::use(team_code), soci::into(id),
      soci::into(pdu);
  if (!tx.sql().got_data()) return std::nullopt;
  return access::UnitAccess{id, pdu};
}

std::string TeamCodeOf(store::Transaction& tx, int64_t team_id) {
  const long long id = team_id;
  std::string code;
  tx.sql() << "SELECT code FROM team WHERE id = :id", soci::use(id), soci::into(code);
  return tx.sql().got_data() ? code : std::string();
}

std::vector<Allocation> LoadAllocations(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<Allocation> out;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.id, t.code, a.staff_id, s.name, a.from_at, a.allocated_by, "
                           "a.reason FROM allocation a JOIN team t ON t.id = a.team_id LEFT JOIN "
                           "staff s ON s.id = a.staff_id WHERE a.person_id = :p ORDER BY a.id DESC",
       soci::use(person));
  for (const auto& r : rows)
    out.push_back({GetInt(r, 0), GetText(r, 1), GetOptionalInt(r, 2), GetOptionalText(r, 3),
                   Instant(r, 4), GetText(r, 5), GetText(r, 6)});
  return out;
}

CaseRecord LoadCaseRecord(store::Transaction& tx, const Person& person) {
  CaseRecord out;
  out.person = person;
  const long long id = person.id;
  store::Rows(tx).Use(id).Read(
      "SELECT id, first_name, last_name, date_of_birth, added_by, added_at FROM person_alias "
      "WHERE person_id = :p ORDER BY id",
      [&](const soci::row& r) {
        out.aliases.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetOptionalText(r, 3),
                               GetText(r, 4), Instant(r, 5)});
      });
  store::Rows(tx).Use(id).Read(
      "SELECT id, status, line1, line2, town, postcode, start_date, end_date, added_by, added_at "
      "FROM person_address WHERE person_id = :p ORDER BY start_date DESC, id DESC",
      [&](const soci::row& r) {
        out.addresses.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetOptionalText(r, 3),
                                 GetText(r, 4), GetText(r, 5), GetText(r, 6), GetOptionalText(r, 7),
                                 GetText(r, 8), Instant(r, 9)});
      });
  // The latest assessment of each need: rows arrive per need, newest first.
  store::Rows(tx).Use(id).Read(
      "SELECT id, need, severity, assessed_on, added_by, added_at FROM person_need WHERE "
      "person_id = :p ORDER BY need, assessed_on DESC, id DESC",
      [&](const soci::row& r) {
        Need n{GetInt(r, 0),  GetText(r, 1), GetText(r, 2),
               GetText(r, 3), GetText(r, 4), Instant(r, 5)};
        if (out.needs.empty() || out.needs.back().need != n.need) out.needs.push_back(std::move(n));
      });
  store::Rows(tx).Use(id).Read(
      std::string("SELECT ") + kRegistrationColumns +
          " FROM registration r WHERE r.person_id = :p ORDER BY CASE WHEN r.end_date IS NULL "
          "THEN 0 ELSE 1 END, r.start_date DESC, r.id DESC",
      [&](const soci::row& r) { out.registrations.push_back(ReadRegistration(r)); });
  store::Rows(tx).Use(id).Use(id).Use(id).Read(
      "SELECT k.id, o.crn, k.reason, k.added_by, k.added_at, k.ended_at FROM keep_apart k JOIN "
      "person o ON o.id = CASE WHEN k.person_a = :a THEN k.person_b ELSE k.person_a END WHERE "
      "k.person_a = :b OR k.person_b = :c ORDER BY k.id",
      [&](const soci::row& r) {
        KeepApart k{GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetText(r, 3), Instant(r, 4), {}};
        if (auto ended = GetOptionalText(r, 5)) k.ended_at = ParseUtc(*ended);
        out.keep_aparts.push_back(std::move(k));
      });
  store::Rows(tx).Use(id).Read(
      "SELECT id, conviction_date, offence_group, offence FROM conviction WHERE person_id = :p "
      "ORDER BY conviction_date, id",
      [&](const soci::row& r) {
        out.convictions.push_back(
            {GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetOptionalText(r, 3)});
      });
  out.sentences = LoadSentences(tx, person.id);
  out.requirements = LoadRequirements(tx, person.id);
  out.licence_conditions = LoadLicenceConditions(tx, person.id);
  return out;
}

void RecordUnallocatedView(store::Transaction& tx, int64_t person_id, int64_t staff_id, Date day,
                           UtcTime at) {
  const long long person = person_id, staff = staff_id;
  const std::string on = FormatDate(day), when = FormatUtc(at);
  tx.sql() << "INSERT INTO unallocated_view (person_id, staff_id, viewed_on, first_at) VALUES "
              "(:p, :s, :d, :a) ON CONFLICT DO NOTHING",
      soci::use(person), soci::use(staff), soci::use(on), soci::use(when);
}

std::vector<CaseView> LoadUnallocatedViews(store::Transaction& tx, int64_t person_id, Date since) {
  std::vector<CaseView> out;
  const long long person = person_id;
  const std::string from = FormatDate(since);
  store::Rows(tx).Use(person).Use(from).Read(
      "SELECT v.staff_id, s.name, MAX(v.viewed_on) AS last_day FROM unallocated_view v JOIN staff "
      "s ON s.id = v.staff_id WHERE v.person_id = :p AND v.viewed_on >= :d GROUP BY v.staff_id, "
      "s.name ORDER BY last_day DESC, s.name",
      [&](const soci::row& r) {
        out.push_back({GetInt(r, 0), GetText(r, 1), ParseDate(GetText(r, 2)).value_or(Date{})});
      });
  return out;
}

std::vector<CaseRecord> LoadScoringRecords(store::Transaction& tx, int64_t first_id,
                                           int64_t last_id) {
  std::vector<CaseRecord> out;
  std::map<int64_t, size_t> at;  // person id -> index in out
  const long long first = first_id, last = last_id;
  store::Rows(tx).Use(first).Use(last).Read(
      std::string("SELECT ") + kPersonColumns +
          " FROM person p JOIN team t ON t.id = p.team_id LEFT JOIN staff s ON s.id = "
          "p.officer_staff_id WHERE p.id BETWEEN :a AND :b ORDER BY p.id",
      [&](const soci::row& r) {
        at[GetInt(r, 0)] = out.size();
        out.emplace_back().person = ReadPerson(r);
      });
  if (out.empty()) return out;
  // Each row's person id is its last column; rows of a person id not read above (a person added
  // meanwhile, in another transaction) are left out.
  auto of = [&](const soci::row& r) -> CaseRecord* {
    const auto it = at.find(GetInt(r, r.size() - 1));
    return it == at.end() ? nullptr : &out[it->second];
  };
  store::Rows(tx).Use(first).Use(last).Read(
      "SELECT id, need, severity, assessed_on, added_by, added_at, person_id FROM person_need "
      "WHERE person_id BETWEEN :a AND :b ORDER BY person_id, need, assessed_on DESC, id DESC",
      [&](const soci::row& r) {
        CaseRecord* record = of(r);
        if (!record) return;
        Need n{GetInt(r, 0),  GetText(r, 1), GetText(r, 2),
               GetText(r, 3), GetText(r, 4), Instant(r, 5)};
        auto& needs = record->needs;
        if (needs.empty() || needs.back().need != n.need) needs.push_back(std::move(n));
      });
  store::Rows(tx).Use(first).Use(last).Read(
      std::string("SELECT ") + kRegistrationColumns +
          ", r.person_id FROM registration r WHERE r.person_id BETWEEN :a AND :b ORDER BY "
          "r.person_id, CASE WHEN r.end_date IS NULL THEN 0 ELSE 1 END, r.start_date DESC, r.id "
          "DESC",
      [&](const soci::row& r) {
        if (CaseRecord* record = of(r)) record->registrations.push_back(ReadRegistration(r));
      });
  store::Rows(tx).Use(first).Use(last).Read(
      "SELECT id, conviction_date, offence_group, offence, person_id FROM conviction WHERE "
      "person_id BETWEEN :a AND :b ORDER BY person_id, conviction_date, id",
      [&](const soci::row& r) {
        if (CaseRecord* record = of(r))
          record->convictions.push_back(
              {GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetOptionalText(r, 3)});
      });
  for (auto& [person_id, sentences] : LoadSentencesInRange(tx, first_id, last_id))
    if (auto it = at.find(person_id); it != at.end())
      out[it->second].sentences = std::move(sentences);
  for (auto& [person_id, requirements] : LoadRequirementsInRange(tx, first_id, last_id))
    if (auto it = at.find(person_id); it != at.end())
      out[it->second].requirements = std::move(requirements);
  return out;
}

std::string ActorName(store::Transaction& tx, const std::string& actor_id) {
  if (!actor_id.starts_with("staff:")) return "System";
  const std::string number = actor_id.substr(6);
  long long id = 0;
  try {
    id = std::stoll(number);
  } catch (const std::exception&) {
    return actor_id;
  }
  std::string name;
  tx.sql() << "SELECT name FROM staff WHERE id = :id", soci::use(id), soci::into(name);
  return tx.sql().got_data() ? name : actor_id;
}

PeoplePage FindPeople(store::Transaction& tx, const PeopleQuery& q) {
  PeoplePage page;
  std::string sql =
      "SELECT p.id, p.crn, p.first_name, p.last_name, p.date_of_birth, t.code, "
      "p.officer_staff_id, s.name, p.tier, p.limited FROM person p JOIN team t ON t.id = "
      "p.team_id LEFT JOIN staff s ON s.id = p.officer_staff_id WHERE ";
  switch (q.scope.kind) {
    case access::CaseScope::Kind::kNone:
      return page;
    case access::CaseScope::Kind::kTeams:
      sql += "p.team_id IN (" + store::IdList(q.scope.ids) + ")";
      break;
    case access::CaseScope::Kind::kPdus:
      sql += "t.pdu_id IN (" + store::IdList(q.scope.ids) + ")";
      break;
    case access::CaseScope::Kind::kAll:
      sql += "1 = 1";
      break;
  }
  sql += std::string(" AND ") + kVisibleTo;
  // Bound values live here until the statement has run.
  const long long viewer = q.viewer_staff_id;
  std::vector<std::pair<std::string, std::string>> text_params;  // (name, value)
  auto bind = [&](const std::string& name, std::string value) {
    text_params.emplace_back(name, std::move(value));
    return ":" + name;
  };
  if (q.crn) sql += " AND p.crn = " + bind("crn", *q.crn);
  if (q.date_of_birth) sql += " AND p.date_of_birth = " + bind("dob", *q.date_of_birth);
  if (q.name) {
    // Each word must begin the first or last name, in any case: "smi", "john smi", "smith j".
    std::string word;
    int n = 0;
    auto flush = [&] {
      if (word.empty()) return;
      std::string lowered;
      for (unsigned char c : word) lowered += static_cast<char>(std::tolower(c));
      std::string escaped;
      for (char c : lowered) {
        if (c == '%' || c == '_' || c == '\\') escaped += '\\';
        escaped += c;
      }
      const std::string p1 = bind("w" + std::to_string(n) + "a", escaped + "%");
      const std::string p2 = bind("w" + std::to_string(n) + "b", escaped + "%");
      sql += " AND (lower(p.last_name) LIKE " + p1 + " ESCAPE '\\' OR lower(p.first_name) LIKE " +
             p2 + " ESCAPE '\\')";
      ++n;
      word.clear();
    };
    for (char c : *q.name) {
      if (c == ' ')
        flush();
      else
        word += c;
    }
    flush();
  }
  const long long officer = q.officer_staff_id.value_or(0);
  if (q.officer_staff_id) sql += " AND p.officer_staff_id = :officer";
  // Unallocated: no officer while a sentence is current (a person with none needs no officer).
  if (q.unallocated_only)
    sql +=
        " AND p.officer_staff_id IS NULL AND EXISTS (SELECT 1 FROM sentence x WHERE "
        "x.person_id = p.id AND x.status = 'active')";
  if (q.after)
    sql += " AND (p.last_name, p.first_name, p.crn) > (" + bind("al", q.after->last_name) + ", " +
           bind("af", q.after->first_name) + ", " + bind("ac", q.after->crn) + ")";
  const int limit = std::clamp(q.limit, 1, 200);
  sql += " ORDER BY p.last_name, p.first_name, p.crn LIMIT " + std::to_string(limit + 1);

  soci::details::prepare_temp_type prepared = (tx.sql().prepare << sql);
  prepared, soci::use(viewer, "viewer"), soci::use(viewer, "viewer2");
  for (auto& [name, value] : text_params) prepared, soci::use(value, name);
  if (q.officer_staff_id) prepared, soci::use(officer, "officer");
  soci::rowset<soci::row> rows(prepared);
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      const auto& last = page.items.back();
      page.next = PeopleCursor{last.last_name, last.first_name, last.crn};
      break;
    }
    page.items.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2), GetText(r, 3), GetText(r, 4),
                          GetText(r, 5), GetOptionalInt(r, 6), GetOptionalText(r, 7),
                          GetOptionalText(r, 8), GetInt(r, 9) != 0});
  }
  return page;
}

bool AddExclusion(store::Transaction& tx, int64_t person_id, int64_t staff_id,
                  const std::string& reason, const std::string& by, UtcTime now) {
  return AddToList(tx, "case_exclusion", person_id, staff_id, reason, by, now);
}
bool RemoveExclusion(store::Transaction& tx, int64_t person_id, int64_t staff_id) {
  return RemoveFromList(tx, "case_exclusion", person_id, staff_id);
}
bool AddRestriction(store::Transaction& tx, int64_t person_id, int64_t staff_id,
                    const std::string& reason, const std::string& by, UtcTime now) {
  return AddToList(tx, "case_restriction", person_id, staff_id, reason, by, now);
}
bool RemoveRestriction(store::Transaction& tx, int64_t person_id, int64_t staff_id) {
  return RemoveFromList(tx, "case_restriction", person_id, staff_id);
}
std::vector<AccessListEntry> LoadExclusions(store::Transaction& tx, int64_t person_id) {
  return LoadAccessList(tx, "case_exclusion", person_id);
}
std::vector<AccessListEntry> LoadRestrictions(store::Transaction& tx, int64_t person_id) {
  return LoadAccessList(tx, "case_restriction", person_id);
}

void AppendAccessLog(store::Transaction& tx, const AccessLogEntry& e) {
  const std::string at = FormatUtc(e.at);
  const long long staff = e.staff_id;
  tx.sql() << "INSERT INTO case_access_log (at, staff_id, username, crn, what, outcome, reason, "
              "request_id) VALUES (:at, :s, :u, :c, :w, :o, :r, :q)",
      soci::use(at), soci::use(staff), soci::use(e.username), soci::use(e.crn), soci::use(e.what),
      soci::use(e.outcome), soci::use(e.reason), soci::use(e.request_id);
}

std::vector<AccessLogEntry> ReadAccessLog(store::Transaction& tx, const AccessLogQuery& q) {
  std::string sql =
      "SELECT id, at, staff_id, username, crn, what, outcome, reason, request_id FROM "
      "case_access_log WHERE 1 = 1";
  std::vector<std::pair<std::string, std::string>> params;
  if (q.crn) {
    sql += " AND crn = :crn";
    params.emplace_back("crn", *q.crn);
  }
  if (q.from) {
    sql += " AND at >= :from";
    params.emplace_back("from", FormatUtc(*q.from));
  }
  if (q.to) {
    sql += " AND at < :to";
    params.emplace_back("to", FormatUtc(*q.to));
  }
  const long long before = q.before_id;
  if (q.before_id > 0) sql += " AND id < :before";
  sql += " ORDER BY id DESC LIMIT " + std::to_string(std::clamp(q.limit, 1, 10000));
  soci::details::prepare_temp_type prepared = (tx.sql().prepare << sql);
  for (auto& [name, value] : params) prepared, soci::use(value, name);
  if (q.before_id > 0) prepared, soci::use(before, "before");
  soci::rowset<soci::row> rows(prepared);
  std::vector<AccessLogEntry> out;
  for (const auto& r : rows)
    out.push_back({GetInt(r, 0), Instant(r, 1), GetInt(r, 2), GetText(r, 3), GetText(r, 4),
                   GetText(r, 5), GetText(r, 6), GetText(r, 7), GetText(r, 8)});
  return out;
}

}  // namespace probity::cases
