#include "ner/labels.h"

#include <array>

namespace newsloom::ner {

namespace {
constexpr std::array<std::string_view, kTypeCount> kTypeNames = {"PER", "ORG", "LOC", "MISC"};
}  // namespace

std::string_view TypeName(int type) {
  return type >= 0 && type < kTypeCount ? kTypeNames[type] : "O";
}

int TypeFromName(std::string_view name) {
  for (int type = 0; type < kTypeCount; ++type) {
    if (kTypeNames[type] == name) return type;
  }
  return -1;
}

bool TransitionAllowed(int previous, int label) {
  bool open = previous > 0 && (LabelPosition(previous) == Position::kBegin ||
                               LabelPosition(previous) == Position::kInside);
  if (!open) {
    return label == kOutside || LabelPosition(label) == Position::kBegin ||
           LabelPosition(label) == Position::kUnit;
  }
  return label != kOutside && LabelType(label) == LabelType(previous) &&
         (LabelPosition(label) == Position::kInside || LabelPosition(label) == Position::kLast);
}

bool EndAllowed(int label) {
  return label == kOutside || LabelPosition(label) == Position::kLast ||
         LabelPosition(label) == Position::kUnit;
}

std::vector<Span> SpansFromIob(const std::vector<std::string>& tags) {
  std::vector<Span> spans;
  int open_type = -1;
  for (int i = 0; i < int(tags.size()); ++i) {
    const std::string& tag = tags[i];
    int type = -1;
    bool begin = false;
    if (tag.size() > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I')) {
      type = TypeFromName(std::string_view(tag).substr(2));
      begin = tag[0] == 'B';
    }
    if (type < 0) {
      open_type = -1;
      continue;
    }
    if (begin || type != open_type) {
      spans.push_back({i, i + 1, type});
      open_type = type;
    } else {
      spans.back().end = i + 1;
    }
  }
  return spans;
}

std::vector<int> LabelsFromSpans(const std::vector<Span>& spans, int length) {
  std::vector<int> labels(length, kOutside);
  for (const Span& span : spans) {
    if (span.end - span.begin == 1) {
      labels[span.begin] = MakeLabel(span.type, Position::kUnit);
      continue;
    }
    for (int i = span.begin; i < span.end; ++i) {
      Position position = i == span.begin     ? Position::kBegin
                          : i == span.end - 1 ? Position::kLast
                                              : Position::kInside;
      labels[i] = MakeLabel(span.type, position);
    }
  }
  return labels;
}

std::vector<Span> SpansFromLabels(const std::vector<int>& labels) {
  std::vector<Span> spans;
  int open = -1;  // index into spans of a span still open
  for (int i = 0; i < int(labels.size()); ++i) {
    int label = labels[i];
    if (label <= kOutside || label >= kLabelCount) {
      open = -1;
      continue;
    }
    int type = LabelType(label);
    Position position = LabelPosition(label);
    bool continues = open >= 0 && spans[open].type == type &&
                     (position == Position::kInside || position == Position::kLast);
    if (continues) {
      spans[open].end = i + 1;
    } else {
      spans.push_back({i, i + 1, type});
      open = int(spans.size()) - 1;
    }
    if (position == Position::kLast || position == Position::kUnit) open = -1;
  }
  return spans;
}

std::vector<std::string> IobFromSpans(const std::vector<Span>& spans, int length) {
  std::vector<std::string> tags(length, "O");
  for (const Span& span : spans) {
    for (int i = span.begin; i < span.end; ++i) {
      tags[i] = std::string(i == span.begin ? "B-" : "I-") + std::string(TypeName(span.type));
    }
  }
  return tags;
}

}  // namespace newsloom::ner
