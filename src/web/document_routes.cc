#include "web/document_routes.h"

#include "app/letters.h"
#include "web/case_gate.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

// FROZEN field names (the Document schema in api/paths/documents.json).
json DocumentJson(const letters::Document& d, bool with_body) {
  json out = {{"id", d.id},
              {"kind", d.kind},
              {"title", d.title},
              {"sentence_id", OrNull(d.sentence_id)},
              {"decision_id", OrNull(d.decision_id)},
              {"created_by", d.created_by},
              {"created_by_name", d.created_by_name},
              {"created_at", FormatUtc(d.created_at)},
              {"event_seq", d.event_seq}};
  if (with_body) out["body"] = d.body;
  return out;
}
}  // namespace

void AddDocumentRoutes(Router& router, const Auth& auth) {
  router.Add(
      "GET", "/api/v1/people/{crn}/documents",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               json items = json::array();
               for (const auto& d : app::ListDocuments(auth.db(), on))
                 items.push_back(DocumentJson(d, false));
               return Response::Json(200, {{"items", std::move(items)}});
             }),
      {"A person's documents (letters as issued), newest first, without their bodies"});
  router.Add("GET", "/api/v1/people/{crn}/documents/{id}",
             OnCase(auth, Action::kReadCase,
                    [&auth](const Request& request, const Principal&,
                            const app::CaseRef& on) -> Result<Response> {
                      const auto id = request.IdParam("id");
                      if (!id)
                        return Error::NotFound("unknown_document", "there is no such document");
                      auto d = app::GetDocument(auth.db(), on, *id);
                      if (!d) return d.error();
                      return Response::Json(200, DocumentJson(*d, true));
                    }),
             {"One document with its body: the letter's HTML exactly as issued"});
}

}  // namespace probity::web
