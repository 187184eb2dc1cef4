#include "web/pages/drafted_form.h"

#include "app/drafts.h"

namespace probity::web::pages {

Handler KeepingDraft(const Site& site, DraftedForm spec, FormHandler handler) {
  auto signed_in = SignedIn(
      site, [handler](const Request& request, const access::Principal& who) -> Result<Response> {
        auto form = ParseFormBody(request);
        if (!form) return form.error();
        return handler(request, who, *form);
      });
  return [site, spec = std::move(spec), signed_in](const Request& request) -> Response {
    auto who = site.auth.Authenticate(request);
    if (who || who.error().kind != ErrorKind::kUnauthenticated) return signed_in(request);
    // The session ended while they typed: keep what they wrote for them, then sign in.
    const std::string next = spec.next(request);
    const auto form = ParseFormBody(request);
    const auto token = CookieValue(request, kSessionCookie);
    if (form && token) {
      drafts::Fields fields;
      for (const auto& field : spec.fields) {
        std::string value;
        for (auto [it, end] = form->equal_range(field); it != end; ++it)
          value += (value.empty() ? "" : "\n") + it->second;
        fields[field] = value;
      }
      if (app::KeepDraftOfEndedSession(site.auth.db(), *token, FormValue(*form, kCsrfField),
                                       spec.form, spec.subject(request), fields,
                                       site.auth.clock().Now()))
        return SeeOther("/sign-in?draft_kept=1&next=" + UrlEncoded(next));
    }
    return SeeOther("/sign-in?next=" + UrlEncoded(next));
  };
}

std::optional<drafts::Draft> DraftFor(const Site& site, const access::Principal& who,
                                      const DraftedForm& spec, const std::string& subject) {
  return app::FindDraft(site.auth.db(), who.account_id, spec.form, subject);
}

std::vector<std::string> DraftValues(const drafts::Draft& draft, const std::string& field) {
  std::vector<std::string> values;
  const auto found = draft.fields.find(field);
  if (found == draft.fields.end()) return values;
  size_t start = 0;
  const std::string& text = found->second;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    std::string value = text.substr(start, end == std::string::npos ? end : end - start);
    if (!value.empty()) values.push_back(std::move(value));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return values;
}

void ForgetDrafts(const Site& site, const access::Principal& who, const DraftedForm& spec,
                  const std::string& subject) {
  app::DiscardDrafts(site.auth.db(), who.account_id, spec.form, subject);
}

}  // namespace probity::web::pages
