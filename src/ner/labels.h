// The tagger's label set: O plus BILOU positions for the four CoNLL types.
#ifndef NEWSLOOM_NER_LABELS_H_
#define NEWSLOOM_NER_LABELS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::ner {

enum class EntityType { kPerson = 0, kOrganization = 1, kLocation = 2, kMisc = 3 };
enum class Position { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

constexpr int kTypeCount = 4;
constexpr int kLabelCount = 1 + 4 * kTypeCount;  // 17
constexpr int kOutside = 0;

inline int MakeLabel(int type, Position position) { return 1 + type * 4 + int(position); }
inline int LabelType(int label) { return (label - 1) / 4; }  // REQUIRES: label != kOutside
inline Position LabelPosition(int label) { return Position((label - 1) % 4); }

// "PER", "ORG", "LOC", "MISC".
std::string_view TypeName(int type);
// The type named by "PER"... or -1.
int TypeFromName(std::string_view name);

// Whether `label` may follow `previous` (-1 for the sentence start).
bool TransitionAllowed(int previous, int label);
// Whether a sentence may end on `label`.
bool EndAllowed(int label);

// An entity span over tokens [begin, end) of one sentence.
struct Span {
  int begin = 0;
  int end = 0;
  int type = 0;
};

// Spans from IOB1 or IOB2 tags ("I-PER", "B-LOC", "O"); unknown tags are O.
std::vector<Span> SpansFromIob(const std::vector<std::string>& tags);
// BILOU labels for `length` tokens holding `spans`.
std::vector<int> LabelsFromSpans(const std::vector<Span>& spans, int length);
// Spans from BILOU labels; an ill-formed run is closed where it breaks.
std::vector<Span> SpansFromLabels(const std::vector<int>& labels);
// IOB2 tags ("B-PER", "I-PER", "O") for `length` tokens holding `spans`.
std::vector<std::string> IobFromSpans(const std::vector<Span>& spans, int length);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_LABELS_H_
