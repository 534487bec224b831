import Foundation

/// Tells search engines' crawlers and other robots from people by their User-Agent, as the
/// portals this replaces show them apart ("Máy chủ tìm kiếm" and "Khách viếng thăm").
public enum BotDetector {
    /// Lowercased pieces of User-Agents that only robots send: the crawlers of the search
    /// engines read in Vietnam (Google, Bing, Cốc Cốc, Yandex, Baidu, DuckDuckGo, Yahoo, Apple),
    /// social networks' link previews, monitors, and the generic words and HTTP libraries.
    public static let markers: [String] = [
        "googlebot", "google-inspectiontool", "adsbot-google", "mediapartners-google", "apis-google",
        "bingbot", "bingpreview", "msnbot", "coccocbot", "yandex", "baiduspider", "duckduckbot",
        "yahoo! slurp", "applebot", "petalbot", "sogou", "exabot", "seznambot", "ahrefsbot", "semrushbot",
        "mj12bot", "dotbot", "facebookexternalhit", "facebot", "zalo", "twitterbot", "linkedinbot",
        "telegrambot", "slackbot", "discordbot", "whatsapp", "uptimerobot", "pingdom",
        "bot", "crawler", "spider", "crawl", "slurp", "headlesschrome", "phantomjs",
        "curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "java/", "okhttp",
        "libwww-perl", "httpclient", "scrapy",
    ]

    /// True for a robot; an empty User-Agent is a robot too (browsers always send one).
    public static func isBot(userAgent: String) -> Bool {
        let agent = userAgent.lowercased()
        if agent.trimmingCharacters(in: .whitespaces).isEmpty { return true }
        // Zalo's in-app browser says "Zalo" too, but a person is using it; its link preview
        // says "Zalo" without a browser engine.
        if agent.contains("zalo") && agent.contains("mozilla") { return false }
        return markers.contains { agent.contains($0) }
    }
}
