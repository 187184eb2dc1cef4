#include "letters/store.h"

#include <soci/soci.h>

#include "cases/store.h"
#include "store/bind.h"
#include "store/dialect.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::letters {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetText;

constexpr const char* kColumns =
    "SELECT id, person_id, sentence_id, decision_id, kind, title, created_by, created_at, "
    "event_seq";

Document ReadDocument(const soci::row& r) {
  Document d;
  d.id = GetInt(r, 0);
  d.person_id = GetInt(r, 1);
  d.sentence_id = GetOptionalInt(r, 2);
  d.decision_id = GetOptionalInt(r, 3);
  d.kind = GetText(r, 4);
  d.title = GetText(r, 5);
  d.created_by = GetText(r, 6);
  d.created_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
  d.event_seq = GetInt(r, 8);
  return d;
}
}  // namespace

int64_t ReserveDocumentId(store::Transaction& tx) {
  store::dialect::LockEventChain(tx.sql(), tx.backend());
  long long last = 0;
  tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM case_document", soci::into(last);
  return last + 1;
}

void InsertDocument(store::Transaction& tx, const Document& d) {
  const long long id = d.id, person = d.person_id, seq = d.event_seq;
  auto sentence = store::NullableIdOf(d.sentence_id);
  auto decision = store::NullableIdOf(d.decision_id);
  const std::string at = FormatUtc(d.created_at);
  tx.sql() << "INSERT INTO case_document (id, person_id, sentence_id, decision_id, kind, title, "
              "body, created_by, created_at, event_seq) VALUES (:id, :p, :s, :d, :k, :t, :b, :by, "
              ":at, :seq)",
      soci::use(id), soci::use(person), store::Use(sentence), store::Use(decision),
      soci::use(d.kind), soci::use(d.title), soci::use(d.body), soci::use(d.created_by),
      soci::use(at), soci::use(seq);
}

std::vector<Document> LoadDocuments(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<Document> out;
  store::Rows(tx).Use(person).Read(
      std::string(kColumns) + " FROM case_document WHERE person_id = :p ORDER BY id DESC",
      [&](const soci::row& r) { out.push_back(ReadDocument(r)); });
  for (auto& d : out) d.created_by_name = cases::ActorName(tx, d.created_by);
  return out;
}

std::optional<Document> FindDocument(store::Transaction& tx, int64_t person_id, int64_t id) {
  const long long person = person_id, document = id;
  std::optional<Document> out;
  store::Rows(tx).Use(document).Use(person).Read(
      std::string(kColumns) + ", body FROM case_document WHERE id = :id AND person_id = :p",
      [&](const soci::row& r) {
        out = ReadDocument(r);
        out->body = GetText(r, 9);
      });
  if (out) out->created_by_name = cases::ActorName(tx, out->created_by);
  return out;
}

std::optional<org::Office> LetterOffice(store::Transaction& tx, int64_t pdu_id) {
  const long long pdu = pdu_id;
  std::optional<org::Office> out;
  store::Rows(tx).Use(pdu).Read(
      "SELECT id, code, name, address FROM office WHERE pdu_id = :p ORDER BY code LIMIT 1",
      [&](const soci::row& r) {
        org::Office o;
        o.id = GetInt(r, 0);
        o.code = GetText(r, 1);
        o.name = GetText(r, 2);
        o.address = GetText(r, 3);
        out = std::move(o);
      });
  return out;
}

}  // namespace probity::letters
