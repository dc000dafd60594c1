// Gazetteer: name lists the tagger uses as features and the canonicaliser
// uses to map demonyms and alternative country names to a country. Built at
// training time from the shared gazetteer files and stored in the model, so
// the program carries no separate data. Immutable after building; const
// methods are thread-safe.
#ifndef NEWSLOOM_NER_GAZETTEER_H_
#define NEWSLOOM_NER_GAZETTEER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/bytes.h"
#include "ner/u32_table.h"
#include "newsloom/status.h"

namespace newsloom::ner {

// Kinds of names, as bits of a mask.
enum GazetteerKind : uint8_t {
  kCountry = 1,
  kCity = 2,
  kDemonym = 4,
  kBigCity = 8,  // over a million people
};
constexpr int kGazetteerKinds = 4;
constexpr int kMaxPhraseTokens = 6;

class Gazetteer {
 public:
  // Adds a phrase (tokenized and lowercased like text is) of the given kinds.
  void AddPhrase(std::string_view name, uint8_t kinds);
  // Maps a demonym or alternative country name to the country's common name;
  // the first country given an alias keeps it.
  void AddCountryAlias(std::string_view alias, std::string_view country);

  // Kinds of the phrase whose normalised tokens hash to `hash` (0 if none).
  uint8_t Lookup(uint32_t hash) const;
  // The country an alias ("Japanese", "USA", "U.S.") names, or "".
  std::string_view CountryOf(std::string_view alias) const;

  // Hash of a normalised phrase (lowercased tokens).
  static uint32_t PhraseHash(const std::vector<std::string>& lower_tokens);
  // The same hash built token by token: AddPhraseToken for each, then Finish().
  static Hasher PhraseHasher() { return Hasher(7); }
  static void AddPhraseToken(Hasher& hasher, std::string_view lower_token) {
    hasher.Add(lower_token).Add(uint8_t(' '));
  }

  size_t phrase_count() const { return phrases_.size(); }

  void Write(ByteWriter& writer) const;
  Status Read(ByteReader& reader);

 private:
  U32Table<uint8_t> phrases_;
  std::map<std::string, std::string> countries_;  // alias key -> common name
};

// Builds the gazetteer from countries.json and cities15000.zip in `directory`.
Result<Gazetteer> LoadGazetteerFiles(const std::string& directory);

// The key aliases are looked up by: lowercase, periods dropped ("U.S." -> "us").
std::string AliasKey(std::string_view name);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_GAZETTEER_H_
