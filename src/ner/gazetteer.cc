#include "ner/gazetteer.h"

#include <algorithm>

#include "common/strings.h"
#include "ner/tokenizer.h"

namespace newsloom::ner {

std::string AliasKey(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c != '.') key.push_back(LowerAscii(c));
  }
  return key;
}

uint32_t Gazetteer::PhraseHash(const std::vector<std::string>& lower_tokens) {
  Hasher hasher = PhraseHasher();
  for (const std::string& token : lower_tokens) AddPhraseToken(hasher, token);
  return hasher.Finish();
}

void Gazetteer::AddPhrase(std::string_view name, uint8_t kinds) {
  std::vector<std::string> tokens;
  for (const Sentence& sentence : TokenizeParagraph(name)) {
    for (const Token& token : sentence) tokens.push_back(AsciiLower(token.text));
  }
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
  phrases_[PhraseHash(tokens)] |= kinds;
}

void Gazetteer::AddCountryAlias(std::string_view alias, std::string_view country) {
  std::string key = AliasKey(alias);
  if (key.empty()) return;
  countries_.emplace(key, std::string(country));
}

uint8_t Gazetteer::Lookup(uint32_t hash) const {
  const uint8_t* found = phrases_.Find(hash);
  return found == nullptr ? 0 : *found;
}

std::string_view Gazetteer::CountryOf(std::string_view alias) const {
  std::string key = AliasKey(alias);
  auto found = countries_.find(key);
  // Plural demonyms: "Ukrainians".
  if (found == countries_.end() && key.size() > 4 && key.back() == 's') {
    key.pop_back();
    found = countries_.find(key);
  }
  return found == countries_.end() ? std::string_view() : std::string_view(found->second);
}

void Gazetteer::Write(ByteWriter& writer) const {
  std::vector<std::pair<uint32_t, uint8_t>> sorted = phrases_.Entries();
  std::sort(sorted.begin(), sorted.end());
  writer.U32(uint32_t(sorted.size()));
  for (const auto& [hash, kinds] : sorted) {
    writer.U32(hash);
    writer.U8(kinds);
  }
  writer.U32(uint32_t(countries_.size()));
  for (const auto& [alias, country] : countries_) {
    writer.String(alias);
    writer.String(country);
  }
}

Status Gazetteer::Read(ByteReader& reader) {
  phrases_.clear();
  countries_.clear();
  uint32_t count = 0;
  if (!reader.U32(&count) || count > reader.remaining() / 5) {
    return Status::Corruption("gazetteer phrase table truncated");
  }
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t hash = 0;
    uint8_t kinds = 0;
    if (!reader.U32(&hash) || !reader.U8(&kinds)) {
      return Status::Corruption("gazetteer phrase table truncated");
    }
    phrases_[hash] = kinds;
  }
  if (!reader.U32(&count) || count > reader.remaining() / 8) {
    return Status::Corruption("gazetteer country table truncated");
  }
  for (uint32_t i = 0; i < count; ++i) {
    std::string alias, country;
    if (!reader.String(&alias) || !reader.String(&country)) {
      return Status::Corruption("gazetteer country table truncated");
    }
    countries_.emplace(std::move(alias), std::move(country));
  }
  return Status::Ok();
}

}  // namespace newsloom::ner
