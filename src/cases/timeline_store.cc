#include "cases/timeline_store.h"

#include <soci/soci.h>

#include <algorithm>

#include "store/bind.h"
#include "store/row.h"

namespace probity::cases {

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

TimelinePage ReadTimeline(store::Transaction& tx, const TimelineQuery& q) {
  // Newest first by (at, id): the index (person_id, at, id) serves it read backwards, and the
  // cursor continues strictly after the last row shown.
  std::string sql =
      "SELECT id, type, at, author, author_name, note, sentence_id, system, event_seq, "
      "recorded_at FROM contact WHERE person_id = :p";
  std::vector<std::pair<std::string, std::string>> params;
  if (!q.types.empty()) {
    sql += " AND type IN (";
    for (size_t i = 0; i < q.types.size(); ++i) {
      const std::string name = "t" + std::to_string(i);
      sql += (i ? ", :" : ":") + name;
      params.emplace_back(name, q.types[i]);
    }
    sql += ")";
  }
  if (q.from) {
    sql += " AND at >= :from";
    params.emplace_back("from", FormatUtc(*q.from));
  }
  if (q.to) {
    sql += " AND at < :to";
    params.emplace_back("to", FormatUtc(*q.to));
  }
  long long after_id = 0;
  if (q.after) {
    sql += " AND (at < :ca OR (at = :cb AND id < :cid))";
    params.emplace_back("ca", FormatUtc(q.after->at));
    params.emplace_back("cb", FormatUtc(q.after->at));
    after_id = q.after->id;
  }
  const int limit = std::clamp(q.limit, 1, 200);
  sql += " ORDER BY at DESC, id DESC LIMIT " + std::to_string(limit + 1);

  const long long person = q.person_id;
  soci::details::prepare_temp_type prepared = (tx.sql().prepare << sql);
  prepared, soci::use(person, "p");
  for (auto& [name, value] : params) prepared, soci::use(value, name);
  if (q.after) prepared, soci::use(after_id, "cid");
  soci::rowset<soci::row> rows(prepared);

  TimelinePage page;
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = TimelineCursor{page.items.back().at, page.items.back().id};
      break;
    }
    Contact c;
    c.id = store::GetInt(r, 0);
    c.person_id = q.person_id;
    c.type = store::GetText(r, 1);
    c.at = ParseUtc(store::GetText(r, 2)).value_or(UtcTime{});
    c.author = store::GetText(r, 3);
    c.author_name = store::GetText(r, 4);
    c.note = store::GetText(r, 5);
    c.sentence_id = store::GetOptionalInt(r, 6);
    c.system = store::GetInt(r, 7) != 0;
    c.event_seq = store::GetOptionalInt(r, 8);
    c.recorded_at = ParseUtc(store::GetText(r, 9)).value_or(UtcTime{});
    page.items.push_back(std::move(c));
  }
  return page;
}

}  // namespace probity::cases
