// Forms that never lose what was typed: when a session ends while someone writes (a timeout, a
// sign-out elsewhere), their post is kept as a draft for them alone and offered back after they
// sign in again. Drafts are not records (drafts/ and app/drafts.h say why): nothing is evented.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "drafts/store.h"
#include "web/http.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

struct DraftedForm {
  std::string form;                 // the drafts' form name: "contact", "enforcement_decision"
  std::vector<std::string> fields;  // the fields kept; a repeated field is kept one value a line
  // The draft's subject (what the form is about: a CRN, a CRN and an alert) and the page to come
  // back to after signing in, both read from the post's request.
  std::function<std::string(const Request&)> subject;
  std::function<std::string(const Request&)> next;
};

using FormHandler =
    std::function<Result<Response>(const Request&, const access::Principal&, const FormFields&)>;

// The POST handler of a drafted form. Signed in: `handler` with the parsed form (errors become
// pages as with SignedIn). Signed out because the session ended: when the post carries that
// session's own CSRF token (so no other site can plant one), its fields are kept as a draft for
// the session's owner and the browser goes to /sign-in?draft_kept=1&next=<next>; otherwise to
// /sign-in?next=<next>, keeping nothing.
Handler KeepingDraft(const Site& site, DraftedForm spec, FormHandler handler);

// The signed-in person's draft of `spec` on `subject`, if one was kept.
std::optional<drafts::Draft> DraftFor(const Site& site, const access::Principal& who,
                                      const DraftedForm& spec, const std::string& subject);
// A repeated field of a draft, one value a line, back as its values.
std::vector<std::string> DraftValues(const drafts::Draft& draft, const std::string& field);
// Forgets the signed-in person's drafts of `spec` on `subject`: once saved, or discarded.
void ForgetDrafts(const Site& site, const access::Principal& who, const DraftedForm& spec,
                  const std::string& subject);

}  // namespace probity::web::pages
