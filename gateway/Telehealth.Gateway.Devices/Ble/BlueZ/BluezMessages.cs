using Tmds.DBus.Protocol;

namespace Telehealth.Gateway.Devices.Ble.BlueZ;

/// <summary>Readers for the message bodies BlueZ sends (ObjectManager replies and signals, PropertiesChanged).</summary>
internal static class BluezMessages
{
    /// <summary>GetManagedObjects reply: a{oa{sa{sv}}}.</summary>
    public static IReadOnlyList<BluezObject> ReadManagedObjects(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var objects = new List<BluezObject>();
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var path = reader.ReadObjectPathAsString();
            objects.Add(new BluezObject(path, ReadInterfaces(ref reader)));
        }

        return objects;
    }

    /// <summary>InterfacesAdded signal: o a{sa{sv}}.</summary>
    public static BluezObject ReadInterfacesAdded(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var path = reader.ReadObjectPathAsString();
        return new BluezObject(path, ReadInterfaces(ref reader));
    }

    /// <summary>InterfacesRemoved signal: o as.</summary>
    public static BluezRemoval ReadInterfacesRemoved(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var path = reader.ReadObjectPathAsString();
        return new BluezRemoval(path, reader.ReadArrayOfString());
    }

    /// <summary>PropertiesChanged signal: s a{sv} as (the invalidated names are not needed).</summary>
    public static BluezPropertiesChange ReadPropertiesChanged(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var iface = reader.ReadString();
        var changed = reader.ReadDictionaryOfStringToVariantValue();
        return new BluezPropertiesChange(message.PathAsString ?? "", iface, changed);
    }

    /// <summary>NameOwnerChanged signal: s name, s old owner, s new owner; returns the new owner ("" when gone).</summary>
    public static string ReadNewOwner(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        reader.ReadString();
        reader.ReadString();
        return reader.ReadString();
    }

    private static Dictionary<string, IReadOnlyDictionary<string, VariantValue>> ReadInterfaces(ref Reader reader)
    {
        var interfaces = new Dictionary<string, IReadOnlyDictionary<string, VariantValue>>(StringComparer.Ordinal);
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var name = reader.ReadString();
            interfaces[name] = reader.ReadDictionaryOfStringToVariantValue();
        }

        return interfaces;
    }
}
