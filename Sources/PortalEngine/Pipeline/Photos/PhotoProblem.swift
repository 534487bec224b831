/// The editor's message for a photo that cannot be published.
enum PhotoProblem {
    static func message(_ probe: PhotoProbe, path: String) -> Message {
        switch probe {
        case .photo: Message(.photoDamaged, "content/\(path)", "")
        case .unreadable(let reason): Message(.photoUnreadable, "content/\(path)", "\(reason)")
        case .tooLarge(let width, let height):
            Message(
                .photoTooLarge, "content/\(path)", .number(width), .number(height),
                .number(PhotoCatalogue.maxPixels / 1_000_000))
        }
    }
}
