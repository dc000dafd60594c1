// Reads the shared gazetteer files: mledoze/countries JSON and the GeoNames
// cities table inside a zip archive (one deflated entry, read with zlib).
#include <zlib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/strings.h"
#include "ner/gazetteer.h"

namespace newsloom::ner {

namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

uint32_t LittleEndian(std::string_view bytes, size_t at, int width) {
  uint32_t value = 0;
  for (int i = 0; i < width; ++i) value |= uint32_t(uint8_t(bytes[at + i])) << (8 * i);
  return value;
}

// The first entry of a zip archive, inflated. Sizes come from the central
// directory, since the local header may defer them to a data descriptor.
Result<std::string> FirstZipEntry(std::string_view zip) {
  size_t end = zip.size() >= 22 ? zip.rfind(std::string_view("PK\5\6", 4)) : std::string::npos;
  if (end == std::string::npos || end + 22 > zip.size()) {
    return Status::Corruption("zip: no end of central directory");
  }
  size_t central = LittleEndian(zip, end + 16, 4);
  if (central + 46 > zip.size() || LittleEndian(zip, central, 4) != 0x02014b50) {
    return Status::Corruption("zip: bad central directory");
  }
  uint32_t method = LittleEndian(zip, central + 10, 2);
  uint32_t compressed = LittleEndian(zip, central + 20, 4);
  uint32_t size = LittleEndian(zip, central + 24, 4);
  size_t local = LittleEndian(zip, central + 42, 4);
  if (local + 30 > zip.size() || LittleEndian(zip, local, 4) != 0x04034b50) {
    return Status::Corruption("zip: bad local header");
  }
  size_t data = local + 30 + LittleEndian(zip, local + 26, 2) + LittleEndian(zip, local + 28, 2);
  if (data + compressed > zip.size()) return Status::Corruption("zip: entry truncated");
  if (method == 0) return std::string(zip.substr(data, compressed));
  if (method != 8) return Status::Unsupported("zip: compression method not deflate");
  std::string out(size, '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return Status::IOError("zlib init failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
  stream.avail_in = compressed;
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = size;
  int result = inflate(&stream, Z_FINISH);
  inflateEnd(&stream);
  if (result != Z_STREAM_END) return Status::Corruption("zip: inflate failed");
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (uint8_t(c) >= 0x80) return false;
  }
  return true;
}

bool IsIndependent(const nlohmann::json& country) {
  auto found = country.find("independent");
  return found != country.end() && found->is_boolean() && found->get<bool>();
}

Status AddCountries(const std::string& path, Gazetteer& gazetteer) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  nlohmann::json countries = nlohmann::json::parse(*text, nullptr, false);
  if (!countries.is_array()) return Status::Corruption(path + ": not a JSON array");
  // Independent countries first, so they keep shared aliases ("French").
  std::vector<const nlohmann::json*> ordered;
  for (bool independent : {true, false}) {
    for (const nlohmann::json& country : countries) {
      if (country.is_object() && IsIndependent(country) == independent) {
        ordered.push_back(&country);
      }
    }
  }
  for (const nlohmann::json* entry : ordered) {
    const nlohmann::json& country = *entry;
    const nlohmann::json& name = country.value("name", nlohmann::json::object());
    std::string common = name.value("common", "");
    if (common.empty()) continue;
    gazetteer.AddPhrase(common, kCountry);
    gazetteer.AddCountryAlias(common, common);
    std::string official = name.value("official", "");
    if (!official.empty()) {
      gazetteer.AddPhrase(official, kCountry);
      gazetteer.AddCountryAlias(official, common);
    }
    for (const nlohmann::json& spelling : country.value("altSpellings", nlohmann::json::array())) {
      if (!spelling.is_string()) continue;
      std::string alias = spelling.get<std::string>();
      // Two-letter codes ("AW") are not names, except the few used in news.
      if (!IsAscii(alias) || (alias.size() < 3 && alias != "UK" && alias != "US")) continue;
      gazetteer.AddPhrase(alias, kCountry);
      gazetteer.AddCountryAlias(alias, common);
    }
    const nlohmann::json& demonyms = country.value("demonyms", nlohmann::json::object());
    if (demonyms.contains("eng") && demonyms["eng"].is_object()) {
      for (const char* gender : {"m", "f"}) {
        std::string demonym = demonyms["eng"].value(gender, "");
        if (demonym.empty()) continue;
        gazetteer.AddPhrase(demonym, kDemonym);
        gazetteer.AddCountryAlias(demonym, common);
      }
    }
  }
  return Status::Ok();
}

Status AddCities(const std::string& path, Gazetteer& gazetteer) {
  Result<std::string> zip = ReadFile(path);
  if (!zip.ok()) return zip.status();
  Result<std::string> table = FirstZipEntry(*zip);
  if (!table.ok()) return Status(table.status());
  for (std::string_view line : Split(*table, '\n')) {
    std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() < 15) continue;
    long population = std::atol(std::string(fields[14]).c_str());
    uint8_t kinds = kCity | (population >= 1000000 ? kBigCity : 0);
    gazetteer.AddPhrase(fields[1], kinds);
    if (fields[2] != fields[1]) gazetteer.AddPhrase(fields[2], kinds);
    // English exonyms ("Munich" for München) are among the alternate names.
    if (population >= 100000) {
      for (std::string_view alternate : Split(fields[3], ',')) {
        if (alternate.size() >= 4 && IsAscii(alternate) && IsAsciiUpper(alternate[0])) {
          gazetteer.AddPhrase(alternate, kinds);
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Gazetteer> LoadGazetteerFiles(const std::string& directory) {
  Gazetteer gazetteer;
  Status status = AddCountries(directory + "/countries.json", gazetteer);
  if (!status.ok()) return status;
  status = AddCities(directory + "/cities15000.zip", gazetteer);
  if (!status.ok()) return status;
  return gazetteer;
}

}  // namespace newsloom::ner
