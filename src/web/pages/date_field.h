// A GOV.UK date input on a form: the three fields as typed, the partial's data (date_input), and
// the date read back with an error beside the field when it is not a real date. Shared by every
// form that asks for a day (breach and recall steps, RSR and needs assessments). No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "web/http.h"

namespace probity::web::pages {

struct TypedDay {
  std::string day, month, year;
  bool blank() const;
};

// The fields `name`_day, `name`_month and `name`_year of a posted form.
TypedDay TypedDayOf(const FormFields& form, const std::string& name);

// The date input partial's data: the first field's id is `id` (the error summary links to it),
// its fields `name`_day, _month and _year; the error is the one AddError put beside `id`.
nlohmann::json DateInput(const std::string& id, const std::string& name, const std::string& legend,
                         const std::string& hint, const TypedDay& typed,
                         const nlohmann::json& data);

// The date typed: nullopt when blank (`missing` the error then, or none when the date may be left
// out) or not a real date (an error beside it).
std::optional<Date> DayOf(nlohmann::json& data, const std::string& id, const TypedDay& typed,
                          const char* missing);

}  // namespace probity::web::pages
