namespace Sync365.Core { internal static class Placeholder { } }
