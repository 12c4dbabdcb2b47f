using System.Diagnostics;
using Telehealth.IntegrationTests.Fixtures;
using Tmds.DBus.Protocol;

namespace Telehealth.IntegrationTests.Ble;

/// <summary>
/// A private D-Bus bus (dbus-daemon on a unix socket in a temp dir) with python-dbusmock's bluez5 template on it, plus
/// helpers to add adapters, devices and GATT objects and to play the device's side (notify, drop the link). Each test
/// starts its own; dispose kills both processes and deletes the directory.
/// </summary>
public sealed class BluezTestBed : IAsyncDisposable
{
    private const string MockInterface = "org.bluez.Mock";
    private const string HelperInterface = "org.bluez.TestBed";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly string[] CharacteristicFlags = ["read", "notify", "indicate", "write"];
    private readonly string _directory;
    private readonly List<ExternalProcess> _processes = [];
    private DBusConnection? _connection;

    private BluezTestBed(string directory)
    {
        _directory = directory;
        Address = $"unix:path={Path.Combine(directory, "bus.sock")}";
    }

    /// <summary>The bus address to give the code under test.</summary>
    public string Address { get; }

    private DBusConnection Connection => _connection ?? throw new InvalidOperationException("not started");

    /// <summary>Starts the bus and the mock and waits until org.bluez answers.</summary>
    public static async Task<BluezTestBed> StartAsync(CancellationToken cancellationToken)
    {
        var bed = new BluezTestBed(Directory.CreateTempSubdirectory("th-bluez-").FullName);
        try
        {
            await bed.StartProcessesAsync(cancellationToken);
            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    /// <summary>org.bluez.Mock.AddAdapter; returns the adapter's path (/org/bluez/hci0).</summary>
    public Task<string> AddAdapterAsync(string name, CancellationToken cancellationToken)
        => CallAsync("/", MockInterface, "AddAdapter", "ss", [name, "telehealth-gateway"], ReadObjectPathOrString, cancellationToken);

    /// <summary>org.bluez.Mock.AddDevice (announced by InterfacesAdded); returns the device's path.</summary>
    public Task<string> AddDeviceAsync(string adapter, string address, string alias, CancellationToken cancellationToken)
        => CallAsync("/", MockInterface, "AddDevice", "sss", [adapter, address, alias], ReadObjectPathOrString, cancellationToken);

    /// <summary>
    /// Gives the device one primary service with the given characteristics (16-bit UUIDs, notify/indicate/write
    /// flags) and marks its services resolved; returns the characteristics' paths in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddGattServiceAsync(string devicePath, ushort service, IReadOnlyList<ushort> characteristics, CancellationToken cancellationToken)
    {
        var servicePath = $"{devicePath}/service{service:x4}";
        await CallHelperAsync("AddGattService", "oos", [new ObjectPath(servicePath), new ObjectPath(devicePath), Uuid128(service)], cancellationToken);
        var paths = new List<string>();
        for (var i = 0; i < characteristics.Count; i++)
        {
            var path = $"{servicePath}/char{i + 1:x4}";
            var uuid = characteristics[i];
            await CallHelperAsync("AddGattCharacteristic", "oosas", [new ObjectPath(path), new ObjectPath(servicePath), Uuid128(uuid), CharacteristicFlags], cancellationToken);
            paths.Add(path);
        }

        await SetDeviceBoolAsync(devicePath, "ServicesResolved", true, cancellationToken);
        return paths;
    }

    /// <summary>The device notifies a value on a characteristic (BlueZ: PropertiesChanged of Value).</summary>
    public Task NotifyAsync(string characteristicPath, byte[] value, CancellationToken cancellationToken)
        => CallHelperAsync("Notify", "oay", [new ObjectPath(characteristicPath), value], cancellationToken);

    /// <summary>The link drops: Connected becomes false (the device object stays).</summary>
    public Task DropConnectionAsync(string devicePath, CancellationToken cancellationToken)
        => SetDeviceBoolAsync(devicePath, "Connected", false, cancellationToken);

    /// <summary>The device goes out of BlueZ with its GATT objects (InterfacesRemoved for each).</summary>
    public Task RemoveDeviceAsync(string devicePath, CancellationToken cancellationToken)
        => CallHelperAsync("RemoveDeviceTree", "o", [new ObjectPath(devicePath)], cancellationToken);

    /// <summary>
    /// bluetoothd restarts: the mock is killed (org.bluez leaves the bus, all its objects gone) and started again
    /// empty, on the same bus.
    /// </summary>
    public async Task RestartBluezAsync(CancellationToken cancellationToken)
    {
        var mock = _processes[^1];
        _processes.RemoveAt(_processes.Count - 1);
        await mock.DisposeAsync();
        await WaitUntilAsync(async () => !(await Connection.ListServicesAsync()).Contains("org.bluez"), "org.bluez leaves the bus", cancellationToken);
        await StartMockAsync(cancellationToken);
    }

    /// <summary>
    /// The system bus restarts: the mock and dbus-daemon are killed (every connection to the bus drops) and both are
    /// started again, empty, on the same socket.
    /// </summary>
    public async Task RestartBusAsync(CancellationToken cancellationToken)
    {
        _connection?.Dispose();
        _connection = null;
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
        File.Delete(Path.Combine(_directory, "bus.sock"));
        await StartProcessesAsync(cancellationToken);
    }

    /// <summary>How many WriteValue calls the characteristic has had.</summary>
    public Task<uint> WriteCountAsync(string characteristicPath, CancellationToken cancellationToken)
        => CallAsync("/", HelperInterface, "WriteCount", "o", [new ObjectPath(characteristicPath)], (m, _) => m.GetBodyReader().ReadUInt32(), cancellationToken);

    /// <summary>The latest value written to the characteristic (empty when none).</summary>
    public Task<byte[]> LastWriteAsync(string characteristicPath, CancellationToken cancellationToken)
        => CallAsync("/", HelperInterface, "LastWrite", "o", [new ObjectPath(characteristicPath)], (m, _) => m.GetBodyReader().ReadArrayOfByte(), cancellationToken);

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> after a generous timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir.
        }
    }

    private static string Uuid128(ushort uuid16) => $"0000{uuid16:x4}-0000-1000-8000-00805f9b34fb";

    private static string ReadObjectPathOrString(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        return message.SignatureAsString == "o" ? reader.ReadObjectPathAsString() : reader.ReadString();
    }

    private async Task StartProcessesAsync(CancellationToken cancellationToken)
    {
        var daemon = ExternalProcess.Locate("dbus-daemon", "dbus");
        if (!File.Exists("/usr/bin/python3"))
        {
            throw new InvalidOperationException("/usr/bin/python3 is missing: apt-get install python3-dbusmock (tests/run.sh installs it).");
        }

        _processes.Add(ExternalProcess.Start(daemon, ["--session", $"--address={Address}", "--nofork", "--print-address=1"], _directory));
        await WaitUntilAsync(() => Task.FromResult(File.Exists(Path.Combine(_directory, "bus.sock"))), "dbus-daemon listens", cancellationToken);

        _connection = new DBusConnection(Address);
        await _connection.ConnectAsync();
        await StartMockAsync(cancellationToken);
    }

    private async Task StartMockAsync(CancellationToken cancellationToken)
    {
        _processes.Add(ExternalProcess.Start(
            "/usr/bin/env",
            [$"DBUS_SYSTEM_BUS_ADDRESS={Address}", "/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "bluez5"],
            _directory));
        var clock = Stopwatch.StartNew();
        while (!(await Connection.ListServicesAsync()).Contains("org.bluez"))
        {
            if (_processes[^1].HasExited || clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"dbusmock bluez5 did not start (python3-dbusmock installed?). Output:\n{_processes[^1].Output}");
            }

            await Task.Delay(25, cancellationToken);
        }

        await AddHelperAsync("AddGattService", "oos", "", BluezMockScripts.AddGattService, cancellationToken);
        await AddHelperAsync("AddGattCharacteristic", "oosas", "", BluezMockScripts.AddGattCharacteristic, cancellationToken);
        await AddHelperAsync("Notify", "oay", "", BluezMockScripts.Notify, cancellationToken);
        await AddHelperAsync("SetDeviceBool", "osb", "", BluezMockScripts.SetDeviceBool, cancellationToken);
        await AddHelperAsync("RemoveDeviceTree", "o", "", BluezMockScripts.RemoveDeviceTree, cancellationToken);
        await AddHelperAsync("WriteCount", "o", "u", BluezMockScripts.WriteCount, cancellationToken);
        await AddHelperAsync("LastWrite", "o", "ay", BluezMockScripts.LastWrite, cancellationToken);
    }

    private Task<string> AddHelperAsync(string name, string inSignature, string outSignature, string code, CancellationToken cancellationToken)
        => CallAsync("/", "org.freedesktop.DBus.Mock", "AddMethod", "sssss", [HelperInterface, name, inSignature, outSignature, code], (_, _) => "", cancellationToken);

    private Task<string> SetDeviceBoolAsync(string devicePath, string property, bool value, CancellationToken cancellationToken)
        => CallHelperAsync("SetDeviceBool", "osb", [new ObjectPath(devicePath), property, value], cancellationToken);

    private Task<string> CallHelperAsync(string name, string signature, object[] arguments, CancellationToken cancellationToken)
        => CallAsync("/", HelperInterface, name, signature, arguments, (_, _) => "", cancellationToken);

    private Task<T> CallAsync<T>(string path, string iface, string member, string signature, object[] arguments, MessageValueReader<T> read, CancellationToken cancellationToken)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader("org.bluez", path, iface, member, signature);
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case string text:
                    writer.WriteString(text);
                    break;
                case ObjectPath objectPath:
                    writer.WriteObjectPath(objectPath);
                    break;
                case bool flag:
                    writer.WriteBool(flag);
                    break;
                case byte[] bytes:
                    writer.WriteArray(bytes);
                    break;
                case string[] texts:
                    writer.WriteArray(texts);
                    break;
                default:
                    throw new ArgumentException($"cannot write a {argument.GetType().Name}", nameof(arguments));
            }
        }

        return Connection.CallMethodAsync(writer.CreateMessage(), read).WaitAsync(cancellationToken);
    }
}
