#include "cases/timeline_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::cases {

namespace {
constexpr const char* kColumns =
    "c.id, c.person_id, c.type, c.at, c.author, c.author_name, c.note, c.sentence_id, c.system, "
    "c.event_seq, c.recorded_at";
constexpr size_t kColumnCount = 11;

Contact ReadContact(const soci::row& r) {
  Contact c;
  c.id = store::GetInt(r, 0);
  c.person_id = store::GetInt(r, 1);
  c.type = store::GetText(r, 2);
  c.at = ParseUtc(store::GetText(r, 3)).value_or(UtcTime{});
  c.author = store::GetText(r, 4);
  c.author_name = store::GetText(r, 5);
  c.note = store::GetText(r, 6);
  c.sentence_id = store::GetOptionalInt(r, 7);
  c.system = store::GetInt(r, 8) != 0;
  c.event_seq = store::GetOptionalInt(r, 9);
  c.recorded_at = ParseUtc(store::GetText(r, 10)).value_or(UtcTime{});
  return c;
}
}  // namespace

int64_t InsertContact(store::Transaction& tx, const Contact& c) {
  const long long person = c.person_id;
  const std::string at = FormatUtc(c.at), recorded = FormatUtc(c.recorded_at);
  auto sentence = store::NullableIdOf(c.sentence_id);
  auto seq = store::NullableIdOf(c.event_seq);
  const int system = c.system ? 1 : 0;
  long long id = 0;
  tx.sql() << "INSERT INTO contact (person_id, type, at, author, author_name, note, sentence_id, "
              "system, event_seq, recorded_at) VALUES (:p, :ty, :at, :a, :an, :n, :s, :sys, :seq, "
              ":r) RETURNING id",
      soci::use(person), soci::use(c.type), soci::use(at), soci::use(c.author),
      soci::use(c.author_name), soci::use(c.note), store::Use(sentence), soci::use(system),
      store::Use(seq), soci::use(recorded), soci::into(id);
  return id;
}

void SetContactEvent(store::Transaction& tx, int64_t contact_id, int64_t event_seq) {
  const long long id = contact_id, seq = event_seq;
  tx.sql() << "UPDATE contact SET event_seq = :seq WHERE id = :id", soci::use(seq), soci::use(id);
}

TimelinePage ReadTimeline(store::Transaction& tx, const TimelineQuery& q) {
  // Newest first by (at, id): the index (person_id, at, id) serves it read backwards, and the
  // cursor continues strictly after the last row shown.
  std::string sql = std::string("SELECT ") + kColumns + " FROM contact c WHERE c.person_id = :p";
  std::vector<std::pair<std::string, std::string>> params;
  if (!q.types.empty()) {
    sql += " AND c.type IN (";
    for (size_t i = 0; i < q.types.size(); ++i) {
      const std::string name = "t" + std::to_string(i);
      sql += (i ? ", :" : ":") + name;
      params.emplace_back(name, q.types[i]);
    }
    sql += ")";
  }
  if (q.from) {
    sql += " AND c.at >= :from";
    params.emplace_back("from", FormatUtc(*q.from));
  }
  if (q.to) {
    sql += " AND c.at < :to";
    params.emplace_back("to", FormatUtc(*q.to));
  }
  long long after_id = 0;
  if (q.after) {
    sql += " AND (c.at < :ca OR (c.at = :cb AND c.id < :cid))";
    params.emplace_back("ca", FormatUtc(q.after->at));
    params.emplace_back("cb", FormatUtc(q.after->at));
    after_id = q.after->id;
  }
  const int limit = std::clamp(q.limit, 1, 200);
  // One row more than the page shows: whether it exists says whether there is a next page.
  sql += " ORDER BY c.at DESC, c.id DESC LIMIT " + std::to_string(limit + 1);

  const long long person = q.person_id;
  static const std::string kPerson = "p", kAfterId = "cid";
  store::Rows rows(tx);
  rows.Use(person, kPerson);
  for (const auto& [name, value] : params) rows.Use(value, name);
  if (q.after) rows.Use(after_id, kAfterId);

  TimelinePage page;
  rows.Read(sql, [&](const soci::row& r) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = TimelineCursor{page.items.back().at, page.items.back().id};
      return false;
    }
    page.items.push_back(ReadContact(r));
    return true;
  });
  return page;
}

std::optional<Contact> FindContact(store::Transaction& tx, int64_t person_id, int64_t contact_id) {
  const long long person = person_id, id = contact_id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kColumns
                        << " FROM contact c WHERE c.id = :id AND c.person_id = :p",
       soci::use(id), soci::use(person));
  for (const auto& r : rows) return ReadContact(r);
  return std::nullopt;
}

bool IsSentenceOf(store::Transaction& tx, int64_t person_id, int64_t sentence_id) {
  const long long person = person_id, id = sentence_id;
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM sentence WHERE id = :id AND person_id = :p", soci::use(id),
      soci::use(person), soci::into(count);
  return count > 0;
}

std::vector<ContactAmendment> LoadAmendments(store::Transaction& tx, int64_t person_id,
                                             int64_t contact_id) {
  // The note's first line names the contact (cases::AmendmentNote), which narrows the rows read;
  // the event's payload, the truth, decides.
  const long long person = person_id;
  const std::string prefix = "Amendment to contact " + std::to_string(contact_id) + ":%";
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kColumns
                        << ", e.payload, e.instructed_by FROM contact c JOIN event_log e ON "
                           "e.seq = c.event_seq WHERE c.person_id = :p AND c.type = "
                           "'contact.amended' AND c.note LIKE :prefix ORDER BY c.event_seq",
       soci::use(person), soci::use(prefix));
  std::vector<ContactAmendment> out;
  for (const auto& r : rows) {
    const auto payload =
        nlohmann::json::parse(store::GetText(r, kColumnCount), nullptr, /*allow_exceptions=*/false);
    if (!payload.is_object() || payload.value("id", int64_t{0}) != contact_id) continue;
    ContactAmendment a;
    a.entry = ReadContact(r);
    a.contact_id = contact_id;
    a.reason = payload.value("reason", "");
    a.note = payload.value("note", "");
    a.instructed_by = store::GetOptionalText(r, kColumnCount + 1);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace probity::cases
