namespace Sync365 { internal static class Placeholder { } }
