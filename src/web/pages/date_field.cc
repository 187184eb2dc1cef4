#include "web/pages/date_field.h"

#include "web/pages/form.h"

namespace probity::web::pages {

bool TypedDay::blank() const {
  return Trimmed(day).empty() && Trimmed(month).empty() && Trimmed(year).empty();
}

TypedDay TypedDayOf(const FormFields& form, const std::string& name) {
  return {FormValue(form, name + "_day"), FormValue(form, name + "_month"),
          FormValue(form, name + "_year")};
}

nlohmann::json DateInput(const std::string& id, const std::string& name, const std::string& legend,
                         const std::string& hint, const TypedDay& typed,
                         const nlohmann::json& data) {
  const std::string error_key = id + "_error";
  return {{"id", id},
          {"name", name},
          {"legend", legend},
          {"hint", hint},
          {"day", typed.day},
          {"month", typed.month},
          {"year", typed.year},
          {"error", data.contains(error_key) ? data[error_key] : nlohmann::json(nullptr)}};
}

std::optional<Date> DayOf(nlohmann::json& data, const std::string& id, const TypedDay& typed,
                          const char* missing) {
  if (typed.blank()) {
    if (missing) AddError(data, id, missing);
    return std::nullopt;
  }
  const auto date = TypedDate(Trimmed(typed.day), Trimmed(typed.month), Trimmed(typed.year));
  if (!date) AddError(data, id, "Enter a real date, such as 12 11 2026");
  return date;
}

}  // namespace probity::web::pages
