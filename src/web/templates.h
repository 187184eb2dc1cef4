// The pages' name for the template renderer, which lives in core/templates.h because letters
// (kept as documents by app/letters.h) render templates too, outside web/.
#pragma once

#include "core/templates.h"

namespace probity::web {

using probity::CheckTemplates;
using probity::RenderTemplate;

}  // namespace probity::web
