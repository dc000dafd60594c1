// ArticleContentHash: FNV-1a over every page-derived field, each prefixed by
// its length so that field boundaries cannot collide.
#include <cstring>
#include <string_view>

#include "store/store.h"

namespace newsloom::store {

namespace {

class Hasher {
 public:
  void Add(std::string_view bytes) {
    AddRaw(static_cast<uint64_t>(bytes.size()));
    for (char c : bytes) Byte(static_cast<unsigned char>(c));
  }
  void AddRaw(uint64_t value) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(value >> (8 * i)));
  }
  void AddFloat(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    AddRaw(bits);
  }
  void AddTime(const std::optional<Timestamp>& time) {
    AddRaw(time.has_value());
    if (!time) return;
    AddRaw(static_cast<uint64_t>(time->utc_seconds));
    AddRaw(static_cast<uint64_t>(time->offset_minutes));
    AddRaw(time->has_offset);
    AddRaw(static_cast<uint64_t>(time->precision));
  }
  uint64_t value() const { return hash_; }

 private:
  void Byte(unsigned char byte) {
    hash_ ^= byte;
    hash_ *= 0x100000001b3ULL;
  }
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

uint64_t ArticleContentHash(const Article& article) {
  Hasher hasher;
  for (std::string_view field :
       {std::string_view(article.id), std::string_view(article.url),
        std::string_view(article.canonical_url), std::string_view(article.source),
        std::string_view(article.site_name), std::string_view(article.title),
        std::string_view(article.language), std::string_view(article.description),
        std::string_view(article.category), std::string_view(article.duplicate_of)}) {
    hasher.Add(field);
  }
  hasher.AddRaw(article.authors.size());
  for (const std::string& author : article.authors) hasher.Add(author);
  hasher.AddTime(article.published);
  hasher.AddRaw(article.is_news);
  hasher.AddRaw(article.truncated);
  hasher.AddFloat(article.language_confidence);
  hasher.AddFloat(article.category_confidence);
  hasher.AddRaw(article.signature);
  hasher.AddRaw(article.paragraphs.size());
  for (const Paragraph& paragraph : article.paragraphs) {
    hasher.AddRaw(static_cast<uint64_t>(paragraph.kind));
    hasher.Add(paragraph.text);
  }
  hasher.AddRaw(article.entities.size());
  for (const Entity& entity : article.entities) {
    hasher.AddRaw(static_cast<uint64_t>(entity.type));
    hasher.Add(entity.text);
    hasher.Add(entity.canonical);
    hasher.AddRaw(entity.paragraph);
    hasher.AddRaw(entity.offset);
  }
  hasher.AddRaw(article.dates.size());
  for (const DateMention& date : article.dates) {
    hasher.AddRaw(static_cast<uint64_t>(date.granularity));
    hasher.Add(date.text);
    hasher.Add(date.date);
    hasher.AddRaw(date.paragraph);
    hasher.AddRaw(date.offset);
  }
  return hasher.value();
}

}  // namespace newsloom::store
