#include "extract/script_state.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::extract {

namespace {

// A fragment shorter than this is a template or a notice, not a body part.
constexpr size_t kMinFragmentBytes = 80;
// Enough for any article; a bound on the work a hostile page can cause.
constexpr size_t kMaxStateBytes = 4 << 20;

// Four hex digits at text[at], or -1.
int32_t HexQuad(std::string_view text, size_t at) {
  if (at + 4 > text.size()) return -1;
  int32_t value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    int digit = HexDigitValue(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Decodes the JSON (or JavaScript) string literal that opens at text[*at]
// (a '"') into *out and moves *at past its closing quote. Returns false when
// the line or the text ends first (a quote in a comment or a regular
// expression), with *at past that point, so the scan resynchronises.
bool DecodeStringLiteral(std::string_view text, size_t* at, std::string* out) {
  out->clear();
  size_t i = *at + 1;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      *at = i + 1;
      return true;
    }
    if (c == '\n') {  // a string literal never spans a line
      *at = i + 1;
      return false;
    }
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= text.size()) break;
    char escape = text[i + 1];
    i += 2;
    switch (escape) {
      case 'n':
        out->push_back('\n');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'r':
      case 'b':
      case 'f':
        out->push_back(' ');
        break;
      case 'u': {
        int32_t unit = HexQuad(text, i);
        if (unit < 0) break;
        i += 4;
        uint32_t code_point = uint32_t(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 6 <= text.size() && text[i] == '\\' &&
            text[i + 1] == 'u') {
          int32_t low = HexQuad(text, i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code_point = 0x10000 + ((uint32_t(unit) - 0xD800) << 10) + (uint32_t(low) - 0xDC00);
            i += 6;
          }
        }
        // A control character ("\u0000" included) is not text: a space.
        if (code_point < 0x20) code_point = ' ';
        AppendUtf8(code_point, out);
        break;
      }
      default:
        out->push_back(escape);
        break;  // \" \\ \/ \'
    }
  }
  *at = text.size();
  return false;
}

bool HoldsParagraph(std::string_view html) {
  for (size_t at = html.find("<p"); at != std::string_view::npos; at = html.find("<p", at + 2)) {
    if (at + 2 < html.size() && (html[at + 2] == '>' || html[at + 2] == ' ')) return true;
  }
  return false;
}

class StateCollector {
 public:
  void AddScript(std::string_view script) {
    std::string literal;
    size_t at = script.find('"');
    while (at != std::string_view::npos && out_.size() < kMaxStateBytes) {
      if (!DecodeStringLiteral(script, &at, &literal)) {
        at = script.find('"', at);
        continue;
      }
      if (literal.size() >= kMinFragmentBytes && HoldsParagraph(literal) &&
          seen_.insert(std::hash<std::string>{}(literal)).second) {
        out_.append(literal);
        out_.push_back('\n');
      }
      at = script.find('"', at);
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  std::unordered_set<size_t> seen_;
};

}  // namespace

std::string HtmlFromScriptState(const HtmlDocument& document) {
  StateCollector collector;
  // Iterative pre-order walk: pages nest deeply, the stack must not.
  const xmlNode* node = document.root();
  while (node != nullptr) {
    bool descend = true;
    if (IsElement(node) && HasTag(node, "script")) {
      descend = false;
      if (!ContainsIgnoreCase(AttributeView(node, "type"), "ld+json")) {
        collector.AddScript(OwnText(node));
      }
    }
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != document.root() && node->next == nullptr) node = node->parent;
    node = node == document.root() ? nullptr : node->next;
  }
  return collector.Take();
}

}  // namespace newsloom::extract
