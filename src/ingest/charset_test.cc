#include "ingest/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "common/utf8.h"
#include "ingest/ingest.h"
#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

using testing::EncodeFromUtf8;

const std::string kRussian =
    "Москва - столица России, крупнейший по численности населения город страны. "
    "Правительство объявило новые меры поддержки экономики и промышленности. "
    "Министр финансов заявил, что бюджет на следующий год будет сбалансирован.";

const std::string kFrench =
    "Le café était fermé à cause de la grève générale décidée par les syndicats. "
    "Les élèves ont manifesté devant la préfecture malgré la pluie.";

struct DecodeCase {
  const char* description;
  std::string bytes;
  std::string charset_hint;
  std::string expected;
};

TEST(IngestCharsetTest, DecodeToUtf8) {
  const DecodeCase kCases[] = {
      {"ascii", "plain text", "", "plain text"},
      {"valid utf-8 kept", "Zoë and 日本", "", "Zoë and 日本"},
      {"utf-8 bom removed", "\xEF\xBB\xBFhé", "", "hé"},
      {"utf-8 bom wins over a hint", "\xEF\xBB\xBFhé", "windows-1251", "hé"},
      {"utf-16le bom", std::string("\xFF\xFEh\0\xE9\0", 6), "", "hé"},
      {"utf-16be bom", std::string("\xFE\xFF\0h\0\xE9", 6), "", "hé"},
      {"utf-16le surrogate pair", std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6), "", "😀"},
      {"utf-16le lone surrogate", std::string("\xFF\xFE\x3D\xD8h\0", 6), "", "\uFFFDh"},
      {"utf-16le without bom", std::string("<\0p\0>\0c\0a\0f\0\xE9\0<\0/\0p\0>\0", 22), "",
       "<p>café</p>"},
      {"meta charset windows-1252",
       "<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9</body></html>", "",
       "<html><head><meta charset=\"windows-1252\"></head><body>café</body></html>"},
      {"iso-8859-1 decoded as windows-1252", "<meta charset=iso-8859-1>\x93quoted\x94 \x80", "",
       "<meta charset=iso-8859-1>“quoted” €"},
      {"http-equiv content charset",
       "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>d\xE9j\xE0", "",
       "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>déjà"},
      {"xml declaration", "<?xml version=\"1.0\" encoding=\"latin1\"?><p>\xE9t\xE9</p>", "",
       "<?xml version=\"1.0\" encoding=\"latin1\"?><p>été</p>"},
      {"hint wins over meta", "<meta charset=utf-8>\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251",
       "<meta charset=utf-8>Привет"},
      {"koi8-r hint", "\xF0\xD2\xC9\xD7\xC5\xD4", "KOI8-R", "Привет"},
      {"declared legacy charset but valid utf-8", "<meta charset=iso-8859-1>café", "",
       "<meta charset=iso-8859-1>café"},
      {"damaged utf-8 repaired", "<meta charset=utf-8>Zoë caf\xC3 ok", "",
       "<meta charset=utf-8>Zoë caf\uFFFD ok"},
      {"undeclared damaged utf-8 repaired", "naïve résumé \xFF end", "", "naïve résumé \uFFFD end"},
      {"nul bytes dropped", std::string("a\0b", 3), "", "ab"},
      {"nul bytes dropped in windows-1252", std::string("\xE9\0b", 3), "windows-1252", "éb"},
      {"meta utf-16 means utf-8", "<meta charset=utf-16>café", "", "<meta charset=utf-16>café"},
      {"unknown declared charset falls back", "<meta charset=x-no-such-charset>caf\xE9", "",
       "<meta charset=x-no-such-charset>café"},
      {"iso-2022-jp declared",
       "<meta charset=iso-2022-jp>" + EncodeFromUtf8("日本語のニュース", "ISO-2022-JP"), "",
       "<meta charset=iso-2022-jp>日本語のニュース"},
      {"shift_jis declared", "<meta charset=Shift_JIS>" + EncodeFromUtf8("東京", "SHIFT_JIS"), "",
       "<meta charset=Shift_JIS>東京"},
      {"latin-1 page mislabelled utf-8",
       "<meta charset=utf-8><p>" + EncodeFromUtf8(kFrench, "ISO-8859-1") + "</p>", "",
       "<meta charset=utf-8><p>" + kFrench + "</p>"},
      {"undeclared windows-1251 detected", EncodeFromUtf8(kRussian, "WINDOWS-1251"), "", kRussian},
      {"undeclared koi8-r detected", EncodeFromUtf8(kRussian, "KOI8-R"), "", kRussian},
      {"undeclared latin-1 detected", EncodeFromUtf8(kFrench, "ISO-8859-1"), "", kFrench},
  };
  for (const DecodeCase& test : kCases) {
    SCOPED_TRACE(test.description);
    std::string decoded = DecodeToUtf8(test.bytes, test.charset_hint);
    EXPECT_EQ(decoded, test.expected);
    EXPECT_TRUE(IsValidUtf8(decoded));
  }
}

TEST(IngestCharsetTest, UndeclaredRussianHtmlIsDetected) {
  const char* kCharsets[] = {"WINDOWS-1251", "KOI8-R", "IBM866"};
  for (const char* charset : kCharsets) {
    SCOPED_TRACE(charset);
    std::string page = "<html><head><title>" + EncodeFromUtf8("Новости", charset) +
                       "</title></head><body><p>" + EncodeFromUtf8(kRussian, charset) +
                       "</p></body></html>";
    std::string decoded = DecodeToUtf8(page);
    EXPECT_NE(decoded.find("Москва"), std::string::npos) << decoded;
    EXPECT_NE(decoded.find("<title>Новости</title>"), std::string::npos) << decoded;
  }
}

TEST(IngestCharsetTest, OutputIsAlwaysValidUtf8) {
  // Every byte value, under every path through the decoder.
  std::string all_bytes;
  for (int byte = 0; byte < 256; ++byte) all_bytes.push_back(char(byte));
  const char* kHints[] = {"",          "utf-8",  "windows-1252", "koi8-r",
                          "shift_jis", "utf-16", "utf-16be",     "iso-2022-jp",
                          "x-unknown", "gb2312", "big5"};
  for (const char* hint : kHints) {
    SCOPED_TRACE(hint);
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(all_bytes, hint)));
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(all_bytes + all_bytes.substr(0, 7), hint)));
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8("\xFF\xFE" + all_bytes, hint)));
  }
  EXPECT_EQ(DecodeToUtf8(""), "");
}

TEST(IngestCharsetTest, FindDeclaredCharset) {
  const struct {
    const char* head;
    const char* expected;
  } kCases[] = {
      {"<meta charset=\"utf-8\">", "utf-8"},
      {"<META CHARSET='Windows-1251'>", "Windows-1251"},
      {"<meta charset=koi8-r>", "koi8-r"},
      {"<meta charset = \" iso-8859-2 \" />", "iso-8859-2"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
       "ISO-8859-1"},
      {"<meta content=\"text/html;charset=gb2312\" http-equiv=\"Content-Type\">", "gb2312"},
      {"<meta name=\"description\" content=\"news\"><meta charset=\"euc-kr\">", "euc-kr"},
      {"<?xml version=\"1.0\" encoding='Shift_JIS'?><html>", "Shift_JIS"},
      {"<?xml version=\"1.0\"?><meta charset=utf-8>", "utf-8"},
      {"<meta name=\"charset\">", ""},
      {"<p>charset=utf-8</p>", ""},
      {"<meta charset=>", ""},
      {"no markup at all", ""},
      {"", ""},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(FindDeclaredCharset(test.head), test.expected) << test.head;
  }
}

TEST(IngestCharsetTest, CanonicalCharset) {
  const struct {
    const char* label;
    const char* expected;
  } kCases[] = {
      {"utf-8", "UTF-8"},
      {"UTF8", "UTF-8"},
      {" \"utf-8\" ", "UTF-8"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"Latin1", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"},
      {"ASCII", "WINDOWS-1252"},
      {"windows-1252", "WINDOWS-1252"},
      {"windows-1251", "WINDOWS-1251"},
      {"KOI8-R", "KOI8-R"},
      {"gb2312", "GB18030"},
      {"shift_jis", "CP932"},
      {"euc-kr", "CP949"},
      {"big5", "BIG5-HKSCS"},
      {"utf-16", "UTF-16LE"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"", ""},
      {"utf-8; x=1", ""},
      {"<script>", ""},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(CanonicalCharset(test.label), test.expected) << test.label;
  }
}

TEST(IngestCharsetTest, DecodeWindows1252) {
  const struct {
    std::string bytes;
    std::string expected;
  } kCases[] = {
      {"caf\xE9", "café"},
      {"\x80 \x85 \x99", "€ … ™"},
      {"\x81\x8D\x8F\x90\x9D", "\u0081\u008D\u008F\u0090\u009D"},  // undefined: C1 controls
      {"Zoë \xE9t\xE9", "Zoë été"},  // valid UTF-8 kept beside windows-1252
      {std::string("a\0b", 3), "ab"},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(DecodeWindows1252(test.bytes), test.expected) << test.bytes;
  }
}

TEST(IngestCharsetTest, SniffUtf16) {
  EXPECT_EQ(SniffUtf16(std::string("<\0h\0t\0m\0l\0>\0", 12)), "UTF-16LE");
  EXPECT_EQ(SniffUtf16(std::string("\0<\0h\0t\0m\0l\0>", 12)), "UTF-16BE");
  EXPECT_EQ(SniffUtf16("<html>"), "");
  EXPECT_EQ(SniffUtf16(std::string(12, '\0')), "");
  EXPECT_EQ(SniffUtf16(""), "");
}

TEST(IngestCharsetTest, DetectCharset) {
  EXPECT_EQ(DetectCharset(EncodeFromUtf8(kRussian, "KOI8-R")), "KOI8-R");
  EXPECT_EQ(DetectCharset(EncodeFromUtf8(kRussian, "WINDOWS-1251")), "WINDOWS-1251");
  EXPECT_EQ(DetectCharset(kRussian), "UTF-8");
}

}  // namespace
}  // namespace newsloom::ingest
