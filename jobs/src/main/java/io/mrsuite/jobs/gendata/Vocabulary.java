package io.mrsuite.jobs.gendata;

import java.util.List;

/**
 * The words the synthetic shop is made of. Several entries are there on purpose to exercise parsers:
 * commas and quotes (CSV quoting), non-ASCII letters and emoji (UTF-8), a category name with a comma.
 */
final class Vocabulary {
  static final String SHOP = "https://shop.example.com";

  static final List<String> CATEGORIES = List.of("Electronics", "Computers & Tablets", "Phones, Cases & Chargers",
      "Home & Kitchen", "Furniture", "Garden", "Tools & DIY", "Toys & Games", "Baby", "Books", "Music", "Movies",
      "Video Games", "Sports & Outdoors", "Fashion", "Shoes", "Beauty", "Health", "Grocery", "Pet Supplies");

  /** Nouns per category, in the order of {@link #CATEGORIES}. */
  static final List<List<String>> NOUNS = List.of(
      List.of("Headphones", "Bluetooth Speaker", "Smartwatch", "Camera"),
      List.of("Laptop", "Tablet", "Monitor", "Keyboard"),
      List.of("Phone Case", "USB-C Charger", "Power Bank", "Screen Protector"),
      List.of("Kettle", "Air Fryer", "Espresso Machine", "Knife Set"),
      List.of("Office Chair", "Bookshelf", "Sofa", "Desk Lamp"),
      List.of("Garden Hose", "Planter", "Lawn Mower", "Bird Feeder"),
      List.of("Cordless Drill", "Screwdriver Set", "Tape Measure", "Workbench"),
      List.of("Building Blocks", "Board Game", "Puzzle", "Plush Bear"),
      List.of("Stroller", "Baby Monitor", "Bottle Set", "Play Mat"),
      List.of("Cookbook", "Novel", "Travel Guide", "Notebook"),
      List.of("Vinyl Record", "Guitar Strings", "Ukulele", "Microphone"),
      List.of("Blu-ray Box Set", "Documentary", "4K Movie", "Anime Series"),
      List.of("Controller", "Gaming Headset", "Game", "Charging Dock"),
      List.of("Yoga Mat", "Tent", "Water Bottle", "Running Belt"),
      List.of("Winter Jacket", "Hoodie", "Scarf", "Jeans"),
      List.of("Running Shoes", "Sneakers", "Hiking Boots", "Slippers"),
      List.of("Face Cream", "Shampoo", "Perfume", "Hair Dryer"),
      List.of("Vitamin D", "Thermometer", "First Aid Kit", "Massage Gun"),
      List.of("Coffee Beans", "Olive Oil", "Green Tea", "Dark Chocolate"),
      List.of("Cat Tree", "Dog Bed", "Pet Fountain", "Leash"));

  static final List<String> ADJECTIVES = List.of("Classic", "Compact", "Pro", "Ultra", "Eco", "Smart", "Mini",
      "Deluxe", "Essential", "Travel", "Premium", "Lite");

  static final List<String> VARIANTS = List.of("", "", "", ", Black", ", 2-Pack", " 15.6\"", " (2026 Edition)",
      ", 500 ml", " \"Limited\"", ", Größe M", ", Grey, XL");

  static final List<String> BRAND_PREFIXES = List.of("Nord", "Alp", "Blue", "Sun", "Iron", "Nova", "Terra", "Luna",
      "Vela", "Orbi", "Kiko", "Zen", "Hexa", "Pixel", "Aero", "Brisk", "Cedar", "Delta", "Echo", "Fjord");

  static final List<String> BRAND_SUFFIXES = List.of("wind", "ine", "tek", "ware", "ly", "ora", "max", "craft", "line",
      "works");

  /** Brands that replace generated ones, for text a naive CSV or UTF-8 handling gets wrong. */
  static final List<String> ODD_BRANDS = List.of("Müller & Söhne", "Smith, Jones & Co", "O'Reilly \"Home\"");

  static final List<String> SEARCH_TERMS = List.of("wireless headphones", "usb c cable", "\"noise cancelling\"",
      "café espresso machine", "laufschuhe größe 42", "ヘッドホン", "lego 🚀", "kids bike 16\"", "sofa, grey",
      "gift for dad", "air fryer", "yoga mat", "4k monitor", "winter jacket", "cat tree", "blender",
      "running shoes", "phone case", "tent 4 person", "crème visage");

  static final List<String> HELP_PAGES = List.of("/", "/deals", "/help/shipping", "/help/returns", "/account",
      "/cart");

  static final List<String> WEB_AGENTS = List.of(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
          + " Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1"
          + " Safari/605.1.15",
      "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1"
          + " Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile"
          + " Safari/537.36",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
          + " Safari/537.36 Edg/131.0.0.0");

  static final List<String> IOS_AGENTS = List.of("ShopApp/7.4.0 (iPhone; iOS 18.1; Scale/3.00)",
      "ShopApp/7.3.2 (iPad; iOS 17.6; Scale/2.00)");

  static final List<String> ANDROID_AGENTS = List.of("ShopApp/7.4.0 (Linux; Android 15; Pixel 8)",
      "ShopApp/7.2.9 (Linux; Android 13; SM-A546B)");

  static final List<String> BOT_AGENTS = List.of(
      "Mozilla/5.0 (compatible; PriceCrawler/3.1; +https://pricecrawler.example/bot)",
      "python-requests/2.32.3",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0"
          + " Safari/537.36");

  /** External referrers of a session's first page; null is a direct visit. */
  static final List<String> REFERRERS = List.of("https://www.google.com/", "https://www.google.de/",
      "https://www.bing.com/", "https://www.facebook.com/", "https://t.co/x7Yq2",
      "android-app://com.google.android.gm/", "https://news.example.org/best-gifts-2026");

  static final List<String> CAMPAIGNS = List.of("black-friday-2026", "newsletter_w47", "retarget:cart",
      "affiliate,partner-17");

  static final List<String> NOTES = List.of("Please leave at the front door",
      "Gift wrap, please: \"Happy birthday, Anna!\"",
      "Deliver after 6pm\nRing the bell twice",
      "Call me if needed, +49 170 1234567",
      "Kein Keller — bitte beim Nachbarn abgeben",
      "\"Fragile\" - handle with care, thanks!",
      "Line 1: back door\nLine 2: code 4711\nLine 3: \"ask for Sam\"");

  private Vocabulary() {
  }
}
