/// The script the preview adds to every HTML page it serves: it follows the build events and
/// reloads the page after a new build, or shows the build errors over the page.
///
/// Served at `/__preview/live.js`; never written into a build's output.
public enum LiveReloadScript {
    public static let path = "/__preview/live.js"
    public static let eventsPath = "/__preview/events"

    /// The tag added before `</body>`; `version` is the build the page was served from.
    public static func tag(version: String) -> String {
        "<script src=\"\(path)\" data-build=\"\(version)\" defer></script>"
    }

    /// Adds the tag before the last `</body>` (any case), or at the end when there is none.
    public static func inject(into html: [UInt8], version: String) -> [UInt8] {
        let tag = Array(tag(version: version).utf8)
        let close = Array("</body".utf8)
        var index = html.count - close.count
        while index >= 0 {
            var matches = true
            for offset in 0..<close.count {
                var byte = html[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != close[offset] {
                    matches = false
                    break
                }
            }
            if matches { return Array(html[..<index]) + tag + Array(html[index...]) }
            index -= 1
        }
        return html + tag
    }

    /// The overlay is built from DOM text nodes: an error message quoting an editor's text can
    /// never inject markup into the page.
    public static let source = #"""
        (function () {
          'use strict';
          var me = document.currentScript;
          var served = me ? me.getAttribute('data-build') : '';
          var overlay = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(report) {
            hide();
            overlay = document.createElement('div');
            overlay.id = 'preview-build-errors';
            overlay.setAttribute('role', 'alert');
            overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;' +
              'background:rgba(20,0,0,.92);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px';
            var h = document.createElement('h2');
            h.style.cssText = 'margin:0 0 12px;font:bold 20px sans-serif;color:#ff8a80';
            h.textContent = 'Bản dựng lỗi: trang đang hiện là bản tốt gần nhất (build failed; the last good site is shown)';
            overlay.appendChild(h);
            (report.diagnostics || []).forEach(function (d) {
              var p = document.createElement('pre');
              p.style.cssText = 'margin:0 0 10px;white-space:pre-wrap;border-left:4px solid ' +
                (d.severity === 'error' ? '#ff5252' : '#ffd740') + ';padding-left:10px';
              var where = document.createElement('strong');
              where.className = 'preview-error-location';
              where.textContent = d.file + (d.line ? ':' + d.line + ':' + d.column : '');
              p.appendChild(where);
              p.appendChild(document.createTextNode(': ' + (d.label || d.severity) + ': ' + d.message));
              overlay.appendChild(p);
            });
            var hint = document.createElement('p');
            hint.style.cssText = 'font:14px sans-serif;color:#ccc';
            hint.textContent = 'Sửa tệp và lưu lại: trang sẽ tự tải lại. (Fix the file and save; the page reloads.)';
            overlay.appendChild(hint);
            (document.body || document.documentElement).appendChild(overlay);
          }
          if (!window.EventSource) { return; }
          var events = new EventSource('/__preview/events');
          events.addEventListener('build', function (e) {
            var report = JSON.parse(e.data);
            if (report.version !== served) { location.reload(); } else { hide(); }
          });
          events.addEventListener('failure', function (e) { show(JSON.parse(e.data)); });
          window.addEventListener('pagehide', function () { events.close(); });
        })();
        """#
}
