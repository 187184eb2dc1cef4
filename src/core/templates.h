// HTML from the Mustache templates in templates/ (compiled into the program): the pages
// (web/pages/) and the letters (letters/, kept as documents), rendered with Debian's kainjow
// mustache: {{name}} is HTML-escaped, so a value can never become markup; only
// the layout's {{{content}}} takes already-rendered HTML. Partials come from templates/partials/.
//
// Page data is JSON: objects, arrays and strings as they are; true/false for sections; null and
// false hide a section; numbers print as written.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"

namespace probity {

// Renders templates/<name>.mustache with `data`. Throws std::logic_error for a template that is
// missing or does not parse: a programming error that tests catch.
std::string RenderTemplate(std::string_view name, const nlohmann::json& data);

// Every template parses: kInvalid naming the first that does not. For the tests and start-up.
Status CheckTemplates();

}  // namespace probity
