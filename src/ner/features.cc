#include "ner/features.h"

#include <algorithm>

#include "common/strings.h"

namespace newsloom::ner {

namespace {

// Feature templates; the id seeds the hash so equal values of different
// templates name different features.
enum Template : uint8_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kPrevious1,
  kNext1,
  kPrevious2,
  kNext2,
  kPreviousBigram,
  kNextBigram,
  kShapeWindow,
  kShapeLeft,
  kShapeRight,
  kFirstShape,
  kHeadlineShape,
  kGazetteer,
  kGazetteerLeft,
  kGazetteerRight,
  kClass,
  kClassLeft,
  kClassRight,
  kClassShape,
  kHistory,
  kHistoryShape,
  kPreviousWordShape,
  kLength,
  kUpperPrevious,
};

// Lowercase with every digit replaced by 0.
std::string Normalise(std::string_view word) {
  std::string out(word.size(), ' ');
  for (size_t i = 0; i < word.size(); ++i) {
    out[i] = IsAsciiDigit(word[i]) ? '0' : LowerAscii(word[i]);
  }
  return out;
}

bool StartsUpper(std::string_view word) { return !word.empty() && IsAsciiUpper(word[0]); }

// Whether every letter of the sentence is uppercase (a headline).
bool IsHeadline(const std::vector<std::string_view>& words) {
  int letters = 0;
  for (std::string_view word : words) {
    for (char c : word) {
      if (IsAsciiLower(c)) return false;
      if (IsAsciiUpper(c)) ++letters;
    }
  }
  return letters >= 3;
}

class Emitter {
 public:
  explicit Emitter(std::vector<uint32_t>* out) : out_(out) {}
  void Add(Template id, std::string_view value) { out_->push_back(Hasher(id).Add(value).Finish()); }
  void Add(Template id, std::string_view first, std::string_view second) {
    out_->push_back(Hasher(id).Add(first).Add(uint8_t(1)).Add(second).Finish());
  }

 private:
  std::vector<uint32_t>* out_;
};

}  // namespace

std::string WordShape(std::string_view word, bool collapse) {
  std::string shape;
  for (size_t i = 0; i < word.size() && shape.size() < 12; ++i) {
    unsigned char c = word[i];
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char cls = IsAsciiUpper(char(c))   ? 'X'
               : IsAsciiLower(char(c)) ? 'x'
               : IsAsciiDigit(char(c)) ? 'd'
               : c >= 0x80             ? 'u'
                                       : char(c);
    if (collapse && !shape.empty() && shape.back() == cls) continue;
    shape.push_back(cls);
  }
  return shape;
}

void DocumentMemory::Remember(const std::vector<std::string_view>& words,
                              const std::vector<int>& labels) {
  for (size_t i = 0; i < words.size() && i < labels.size(); ++i) {
    if (!StartsUpper(words[i]) || words[i].size() < 2) continue;
    std::array<uint16_t, 5>& counts = counts_[AsciiLower(words[i])];
    int slot = labels[i] == 0 ? 4 : (labels[i] - 1) / 4;
    if (counts[slot] < 0xFFFF) ++counts[slot];
  }
}

const std::array<uint16_t, 5>* DocumentMemory::Find(std::string_view word) const {
  auto found = counts_.find(AsciiLower(word));
  return found == counts_.end() ? nullptr : &found->second;
}

void FeatureExtractor::Extract(const std::vector<std::string_view>& words,
                               const DocumentMemory* memory, SentenceFeatures* out) const {
  const int n = int(words.size());
  out->hashes.clear();
  out->starts.assign(1, 0);
  std::vector<std::string> norm(n), lower(n), shape(n), short_shape(n);
  std::vector<uint16_t> classes(n);
  for (int i = 0; i < n; ++i) {
    norm[i] = Normalise(words[i]);
    lower[i] = AsciiLower(words[i]);
    shape[i] = WordShape(words[i], false);
    short_shape[i] = WordShape(words[i], true);
    classes[i] = classes_.ClassOf(words[i]);
  }
  // Longest gazetteer match of each kind covering each token, as B/I/L/U.
  std::vector<std::array<char, kGazetteerKinds>> gazetteer(n);
  std::vector<std::array<int, kGazetteerKinds>> gazetteer_length(n);
  for (int start = 0; start < n; ++start) {
    if (!StartsUpper(words[start])) continue;
    Hasher phrase = Gazetteer::PhraseHasher();
    for (int length = 1; length <= kMaxPhraseTokens && start + length <= n; ++length) {
      Gazetteer::AddPhraseToken(phrase, lower[start + length - 1]);
      uint8_t kinds = gazetteer_.Lookup(phrase.Finish());
      if (kinds == 0) continue;
      for (int kind = 0; kind < kGazetteerKinds; ++kind) {
        if (!(kinds & (1 << kind))) continue;
        for (int i = start; i < start + length; ++i) {
          if (gazetteer_length[i][kind] >= length) continue;
          gazetteer_length[i][kind] = length;
          gazetteer[i][kind] = length == 1               ? 'U'
                               : i == start              ? 'B'
                               : i == start + length - 1 ? 'L'
                                                         : 'I';
        }
      }
    }
  }
  auto gazetteer_code = [&](int i) {
    std::string code;
    for (int kind = 0; kind < kGazetteerKinds; ++kind) {
      code.push_back(gazetteer[i][kind] ? gazetteer[i][kind] : '-');
    }
    return code;
  };
  auto class_name = [&](int i) {
    if (i < 0) return std::string("<s>");
    if (i >= n) return std::string("</s>");
    return classes[i] == WordClasses::kUnknown ? std::string("?") : std::to_string(classes[i]);
  };
  const bool headline = IsHeadline(words);
  static const std::string kStart = "<s>", kEnd = "</s>";
  auto norm_at = [&](int i) -> const std::string& {
    return i < 0 ? kStart : i >= n ? kEnd : norm[i];
  };
  auto shape_at = [&](int i) -> const std::string& {
    return i < 0 ? kStart : i >= n ? kEnd : short_shape[i];
  };

  for (int i = 0; i < n; ++i) {
    Emitter emit(&out->hashes);
    std::string_view word = words[i];
    emit.Add(kBias, "");
    emit.Add(kWord, word);
    emit.Add(kLower, norm[i]);
    emit.Add(kShape, shape[i]);
    emit.Add(kShortShape, short_shape[i]);
    for (size_t k = 1; k <= 4 && k <= word.size(); ++k) {
      emit.Add(kPrefix, word.substr(0, k));
      emit.Add(kSuffix, std::string_view(lower[i]).substr(word.size() - k));
    }
    emit.Add(kPrevious1, norm_at(i - 1));
    emit.Add(kNext1, norm_at(i + 1));
    emit.Add(kPrevious2, norm_at(i - 2));
    emit.Add(kNext2, norm_at(i + 2));
    emit.Add(kPreviousBigram, norm_at(i - 1), norm[i]);
    emit.Add(kNextBigram, norm[i], norm_at(i + 1));
    emit.Add(kShapeWindow, shape_at(i - 1) + "|" + short_shape[i], shape_at(i + 1));
    emit.Add(kShapeLeft, shape_at(i - 1), short_shape[i]);
    emit.Add(kShapeRight, short_shape[i], shape_at(i + 1));
    emit.Add(kPreviousWordShape, norm_at(i - 1), short_shape[i]);
    emit.Add(kUpperPrevious, i > 0 && StartsUpper(words[i - 1]) ? "U" : "l", short_shape[i]);
    if (i == 0) emit.Add(kFirstShape, short_shape[i]);
    if (headline) emit.Add(kHeadlineShape, short_shape[i], norm[i]);
    emit.Add(kLength, std::to_string(std::min<size_t>(word.size(), 8)));
    std::string code = gazetteer_code(i);
    if (code != "----") emit.Add(kGazetteer, code);
    if (i > 0) emit.Add(kGazetteerLeft, gazetteer_code(i - 1), short_shape[i]);
    if (i + 1 < n) emit.Add(kGazetteerRight, gazetteer_code(i + 1), short_shape[i]);
    if (classes_.size() > 0) {
      emit.Add(kClass, class_name(i));
      emit.Add(kClassLeft, class_name(i - 1));
      emit.Add(kClassRight, class_name(i + 1));
      emit.Add(kClassShape, class_name(i), short_shape[i]);
    }
    if (memory != nullptr && StartsUpper(word)) {
      const std::array<uint16_t, 5>* counts = memory->Find(word);
      if (counts != nullptr) {
        int best = int(std::max_element(counts->begin(), counts->end()) - counts->begin());
        std::string type = best == 4 ? "O" : std::to_string(best);
        emit.Add(kHistory, type);
        emit.Add(kHistoryShape, type, i == 0 ? "first" : short_shape[i]);
      }
    }
    out->starts.push_back(uint32_t(out->hashes.size()));
  }
}

}  // namespace newsloom::ner
