/// What the web servers provincial portals run need from a static site: its own 404 page, an
/// index file for folders, UTF-8, MIME types they may lack, and how long to cache files.
public enum ServerConfig {
    public enum Kind: Sendable, Equatable {
        case apache
        case iis

        var fileName: String {
            switch self {
            case .apache: return ".htaccess"
            case .iis: return "web.config"
            }
        }
    }

    static func render(_ kind: Kind, basePath: String) -> String {
        switch kind {
        case .apache: return apache(basePath: basePath)
        case .iis: return iis(basePath: XMLText.escape(basePath))
        }
    }

    /// Pages may change at any build: revalidated. Images and documents rarely change: a week.
    /// CSS and JS keep their names across theme edits: a day.
    private static func apache(basePath: String) -> String {
        """
        # Written by build-site for Apache; turn off with deploy_files: {htaccess: false} in site.yaml.
        AddDefaultCharset utf-8
        DirectoryIndex index.html
        ErrorDocument 404 \(basePath)404.html
        Options -Indexes
        <IfModule mod_mime.c>
          AddType image/webp .webp
          AddType image/avif .avif
          AddType application/json .json
          AddType text/tab-separated-values .tsv
        </IfModule>
        <IfModule mod_expires.c>
          ExpiresActive On
          ExpiresByType text/html "access plus 0 seconds"
          ExpiresByType application/rss+xml "access plus 10 minutes"
          ExpiresByType text/xml "access plus 10 minutes"
          ExpiresByType application/json "access plus 10 minutes"
          ExpiresByType text/css "access plus 1 day"
          ExpiresByType application/javascript "access plus 1 day"
          ExpiresByType text/javascript "access plus 1 day"
          ExpiresByType image/jpeg "access plus 7 days"
          ExpiresByType image/png "access plus 7 days"
          ExpiresByType image/gif "access plus 7 days"
          ExpiresByType image/webp "access plus 7 days"
          ExpiresByType image/avif "access plus 7 days"
          ExpiresByType image/svg+xml "access plus 7 days"
          ExpiresByType application/pdf "access plus 7 days"
        </IfModule>

        """
    }

    private static func iis(basePath: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- Written by build-site for IIS; turn off with deploy_files: {web_config: false} in site.yaml. -->
        <configuration>
          <system.webServer>
            <defaultDocument enabled="true">
              <files>
                <clear />
                <add value="index.html" />
              </files>
            </defaultDocument>
            <httpErrors errorMode="Custom" existingResponse="Replace">
              <remove statusCode="404" subStatusCode="-1" />
              <error statusCode="404" path="\(basePath)404.html" responseMode="ExecuteURL" />
            </httpErrors>
            <staticContent>
              <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" />
              <remove fileExtension=".webp" />
              <mimeMap fileExtension=".webp" mimeType="image/webp" />
              <remove fileExtension=".avif" />
              <mimeMap fileExtension=".avif" mimeType="image/avif" />
              <remove fileExtension=".json" />
              <mimeMap fileExtension=".json" mimeType="application/json" />
              <remove fileExtension=".tsv" />
              <mimeMap fileExtension=".tsv" mimeType="text/tab-separated-values" />
            </staticContent>
          </system.webServer>
        </configuration>

        """
    }
}
