#include "tgnews/requests.h"

#include <charconv>

#include "common/strings.h"
#include "tgnews/contest.h"

namespace newsloom::tgnews {

namespace {

// A non-negative decimal integer up to kMaxSeconds, nothing around it.
std::optional<int64_t> Seconds(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
      value > kMaxSeconds) {
    return std::nullopt;
  }
  return value;
}

Result<std::string> One(const std::multimap<std::string, std::string>& params,
                        const std::string& key) {
  size_t count = params.count(key);
  if (count == 0) return Status::InvalidArgument("missing query parameter " + key);
  if (count > 1) return Status::InvalidArgument("query parameter " + key + " given twice");
  return params.find(key)->second;
}

}  // namespace

Result<std::string> PageNameFromPath(std::string_view path) {
  if (path.empty() || path.front() != '/') {
    return Status::InvalidArgument("the path must be /<file name>");
  }
  std::string_view name = path.substr(1);
  if (name.empty() || name.size() > 255) {
    return Status::InvalidArgument("the file name must have 1 to 255 bytes");
  }
  if (name.front() == '.') return Status::InvalidArgument("the file name may not start with '.'");
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
      return Status::InvalidArgument(
          "the file name may hold only letters, digits, '-', '_' and '.'");
    }
  }
  return std::string(name);
}

Result<int64_t> MaxAgeFromCacheControl(std::string_view header) {
  if (TrimView(header).empty()) {
    return Status::InvalidArgument("Cache-Control: max-age=<seconds> is required");
  }
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view directive = TrimView(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (AsciiLower(directive.substr(0, 8)) != "max-age=") continue;
    auto seconds = Seconds(directive.substr(8));
    if (!seconds) {
      return Status::InvalidArgument("max-age must be a whole number of seconds from 0 to " +
                                     std::to_string(kMaxSeconds));
    }
    return *seconds;
  }
  return Status::InvalidArgument("Cache-Control has no max-age=<seconds>");
}

bool IsHtmlContentType(std::string_view content_type) {
  return AsciiLower(TrimView(content_type.substr(0, content_type.find(';')))) == "text/html";
}

Result<ThreadsQuery> ParseThreadsQuery(const std::multimap<std::string, std::string>& params) {
  ThreadsQuery query;
  auto period = One(params, "period");
  if (!period.ok()) return period.status();
  auto seconds = Seconds(*period);
  if (!seconds || *seconds == 0) {
    return Status::InvalidArgument("period must be a whole number of seconds from 1 to " +
                                   std::to_string(kMaxSeconds));
  }
  query.period = *seconds;
  auto lang = One(params, "lang_code");
  if (!lang.ok()) return lang.status();
  if (*lang != "en" && *lang != "ru") return Status::InvalidArgument("lang_code must be en or ru");
  query.lang_code = *lang;
  auto category = One(params, "category");
  if (!category.ok()) return category.status();
  if (*category != "any" && !IsCategory(*category)) {
    return Status::InvalidArgument(
        "category must be any, society, economy, technology, sports, entertainment, science "
        "or other");
  }
  query.category = *category;
  return query;
}

}  // namespace newsloom::tgnews
