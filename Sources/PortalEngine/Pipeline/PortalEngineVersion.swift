/// The version `build-site --version` prints; raised with each release of the generator.
public enum PortalEngineVersion {
    public static let value = "0.5.0"
}
