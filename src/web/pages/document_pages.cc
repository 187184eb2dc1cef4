#include "web/pages/document_pages.h"

#include <optional>

#include "app/letters.h"
#include "cases/store.h"
#include "core/uk_time.h"
#include "web/case_gate.h"
#include "web/pages/person_pages.h"

namespace probity::web::pages {

namespace {

using access::Action;
using access::Principal;
using nlohmann::json;

std::string DocumentsUrl(const std::string& crn) { return "/people/" + crn + "/documents"; }

std::string KindLabel(const std::string& kind) {
  const auto k = letters::ParseLetterKind(kind);
  return k ? letters::LabelOf(*k) : kind;
}

json DocumentView(const letters::Document& d, const std::string& crn) {
  return {{"url", DocumentsUrl(crn) + "/" + std::to_string(d.id)},
          {"title", d.title},
          {"kind_label", KindLabel(d.kind)},
          {"created_at", LongDateTime(d.created_at)},
          {"created_at_iso", FormatUtc(d.created_at)},
          {"created_by", d.created_by_name}};
}

Result<cases::Person> PersonOf(const Site& site, const app::CaseRef& on) {
  auto tx = site.auth.db().BeginRead();
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  return std::move(*person);
}

Result<Response> DocumentsPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  auto person = PersonOf(site, *on);
  if (!person) return person.error();
  json documents = json::array();
  for (const auto& d : app::ListDocuments(site.auth.db(), *on))
    documents.push_back(DocumentView(d, on->crn));
  json data = {{"header", PersonHeader(*person, "documents")},
               {"has_documents", !documents.empty()},
               {"documents", std::move(documents)}};
  return Page(site, &who, 200, person->first_name + " " + person->last_name + ": documents",
              "documents", std::move(data));
}

Result<Response> DocumentPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("unknown_document", "there is no such document");
  auto document = app::GetDocument(site.auth.db(), *on, *id);
  if (!document) return document.error();
  auto person = PersonOf(site, *on);
  if (!person) return person.error();
  json data = DocumentView(*document, on->crn);
  data["header"] = PersonHeader(*person, "documents");
  data["documents_url"] = DocumentsUrl(on->crn);
  data["body"] = document->body;
  return Page(site, &who, 200, document->title, "document", std::move(data));
}

}  // namespace

void AddDocumentPages(Router& router, const Site& site) {
  using PageFn = Result<Response> (*)(const Site&, const Request&, const Principal&);
  const struct {
    const char* pattern;
    PageFn page;
    const char* summary;
  } kPages[] = {
      {"/people/{crn}/documents", DocumentsPage,
       "A person's documents: the letters issued to them, newest first"},
      {"/people/{crn}/documents/{id}", DocumentPage,
       "One document: a letter as it was issued, printable on its own"},
  };
  for (const auto& p : kPages)
    router.Add("GET", p.pattern,
               SignedIn(site,
                        [site, page = p.page](const Request& request, const Principal& who) {
                          return page(site, request, who);
                        }),
               {p.summary});
}

}  // namespace probity::web::pages
